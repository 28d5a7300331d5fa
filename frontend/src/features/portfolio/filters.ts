import type { EntryFilter, Kind, SortOrder, Status } from '../../lib/types';

/** The filter bar's state: one kind at a time, empty strings for "any". */
export interface FilterState {
  kind: Kind | '';
  status: Status | '';
  tag: string;
  dateFrom: string;
  dateTo: string;
  sort: SortOrder;
}

export const noFilters: FilterState = { kind: '', status: '', tag: '', dateFrom: '', dateTo: '', sort: 'manual' };

export function hasActiveFilters(f: FilterState): boolean {
  return f.kind !== '' || f.status !== '' || f.tag !== '' || f.dateFrom !== '' || f.dateTo !== '';
}

export function toEntryFilter(f: FilterState): EntryFilter {
  return { kinds: f.kind ? [f.kind] : [], status: f.status, tag: f.tag, dateFrom: f.dateFrom, dateTo: f.dateTo, sort: f.sort };
}

/** The list with the item at from moved to to. */
export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}
