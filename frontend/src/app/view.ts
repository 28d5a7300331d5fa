/** Where the main pane is: one of the sidebar's places, or the editor of one entry. */
export type View =
  | { name: 'portfolio' }
  | { name: 'coverage' }
  | { name: 'frameworks' }
  | { name: 'search' }
  | { name: 'profile' }
  | { name: 'trash' }
  | { name: 'editor'; entryId: string; isNew: boolean };

export type Place = 'portfolio' | 'coverage' | 'frameworks' | 'search' | 'profile' | 'trash';

export const places: { place: Place; label: string }[] = [
  { place: 'portfolio', label: 'Portfolio' },
  { place: 'coverage', label: 'Coverage' },
  { place: 'frameworks', label: 'Frameworks' },
  { place: 'search', label: 'Search' },
  { place: 'profile', label: 'Profile' },
  { place: 'trash', label: 'Trash' },
];
