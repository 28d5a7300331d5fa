// What the export page was set to, kept while the educator visits another page (for example to
// create a signing identity) and comes back. Never the passphrase: that lives in the page only.
import type { ExportPreset, ExportRequest, Paper } from '../../lib/types';

export type LeaveOut = '0' | '5' | '20' | '100';

export const leaveOutOptions: ReadonlyArray<{ value: LeaveOut; label: string }> = [
  { value: '0', label: 'Keep everything' },
  { value: '5', label: '5 MB' },
  { value: '20', label: '20 MB' },
  { value: '100', label: '100 MB' },
];

/** Countries that use US Letter; everyone else gets A4 by default. */
const letterRegions = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'CR', 'PA', 'PR', 'DO', 'SV', 'NI', 'BZ']);

export function defaultPaper(locale: string = typeof navigator === 'undefined' ? 'en-US' : navigator.language): Paper {
  const region = locale.split(/[-_]/)[1]?.toUpperCase() ?? '';
  if (region === '') return locale.toLowerCase().startsWith('en') ? 'letter' : 'a4';
  return letterRegions.has(region) ? 'letter' : 'a4';
}

export interface ExportChoices {
  preset: ExportPreset;
  paper: Paper;
  /** interview: entry ids picked (any order; the request follows the portfolio's order) */
  picked: string[];
  /** interview: picked entries to print first and mark */
  highlights: string[];
  /** interview: the page count to stay within; null when the box is empty */
  pageLimit: number | null;
  /** certification: leave out attachments larger than this many MB; '0' keeps everything */
  leaveOut: LeaveOut;
}

const fresh = (): ExportChoices => ({
  preset: 'certification',
  paper: defaultPaper(),
  picked: [],
  highlights: [],
  pageLimit: 8,
  leaveOut: '0',
});

export const exportChoices = $state<ExportChoices>(fresh());

/** Forgets everything (tests start from a clean page). */
export function resetExportChoices(): void {
  Object.assign(exportChoices, fresh());
}

const MB = 1024 * 1024;

/**
 * The request for Go: for an interview the picked entries and highlights in the portfolio's
 * order (`order` lists every entry id in that order; Go puts highlights first); for
 * certification only the size limit; for the package only the paper (its originals travel beside
 * the PDF, none is left out).
 */
export function toRequest(c: ExportChoices, order: string[]): ExportRequest {
  if (c.preset === 'package') {
    return { preset: 'package', paper: c.paper, entryIds: [], highlights: [], leaveOutOver: 0 };
  }
  if (c.preset === 'interview') {
    const picked = new Set(c.picked);
    const entryIds = order.filter((id) => picked.has(id));
    const highlighted = new Set(c.highlights);
    return {
      preset: 'interview',
      paper: c.paper,
      entryIds,
      highlights: entryIds.filter((id) => highlighted.has(id)),
      leaveOutOver: 0,
    };
  }
  return { preset: 'certification', paper: c.paper, entryIds: [], highlights: [], leaveOutOver: Number(c.leaveOut) * MB };
}
