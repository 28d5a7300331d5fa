// What a finished export says: the same result panel for the PDFs and the package.
import { humanSize, plural } from '../../lib/format';
import type { ExportPreset, ExportReport, PackageReport } from '../../lib/types';

export interface SavedSummary {
  heading: string;
  path: string;
  /** short facts shown in one line: pages, size, entries, files */
  facts: string[];
  /** images that could not be shown */
  warnings: string[];
  /** attachments left out of a PDF for their size */
  leftOut: string[];
}

export function savedPDF(r: ExportReport, preset: ExportPreset): SavedSummary {
  const facts = [plural(r.pages, 'page'), humanSize(r.bytes), plural(r.entries, 'entry', 'entries')];
  if (preset === 'certification') facts.push(`${plural(r.attachments, 'file')} embedded`);
  if (r.images > 0) facts.push(plural(r.images, 'image'));
  return { heading: 'Signed PDF saved', path: r.path, facts, warnings: r.warnings, leftOut: r.leftOut };
}

export function savedPackage(r: PackageReport): SavedSummary {
  return {
    heading: 'Submission package saved',
    path: r.path,
    facts: [
      humanSize(r.bytes),
      plural(r.entries, 'entry', 'entries'),
      plural(r.artifacts, 'original file'),
      `signed PDF of ${plural(r.pdf.pages, 'page')}`,
    ],
    warnings: r.pdf.warnings,
    leftOut: [],
  };
}
