/** Where the main pane is: one of the sidebar's places, or the editor of one entry. */
export type View =
  | { name: 'portfolio' }
  | { name: 'search' }
  | { name: 'profile' }
  | { name: 'trash' }
  | { name: 'editor'; entryId: string; isNew: boolean };

export type Place = 'portfolio' | 'search' | 'profile' | 'trash';

export const places: { place: Place; label: string }[] = [
  { place: 'portfolio', label: 'Portfolio' },
  { place: 'search', label: 'Search' },
  { place: 'profile', label: 'Profile' },
  { place: 'trash', label: 'Trash' },
];
