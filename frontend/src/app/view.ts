/** Where the main pane is: one of the sidebar's places, or the editor of one entry. */
export type View =
  | { name: 'portfolio' }
  | { name: 'coverage' }
  | { name: 'export' }
  | { name: 'frameworks' }
  | { name: 'credentials' }
  | { name: 'search' }
  | { name: 'profile' }
  | { name: 'identity' }
  | { name: 'verify' }
  | { name: 'backups' }
  | { name: 'trash' }
  | { name: 'editor'; entryId: string; isNew: boolean };

export type Place = 'portfolio' | 'coverage' | 'export' | 'frameworks' | 'credentials' | 'search' | 'profile' | 'identity' | 'verify' | 'backups' | 'trash';

export const places: { place: Place; label: string }[] = [
  { place: 'portfolio', label: 'Portfolio' },
  { place: 'coverage', label: 'Coverage' },
  { place: 'export', label: 'Export' },
  { place: 'frameworks', label: 'Frameworks' },
  { place: 'credentials', label: 'Credentials' },
  { place: 'search', label: 'Search' },
  { place: 'profile', label: 'Profile' },
  { place: 'identity', label: 'Signing identity' },
  { place: 'verify', label: 'Verify' },
  { place: 'backups', label: 'Backups' },
  { place: 'trash', label: 'Trash' },
];
