// How the "export:progress" events read to the educator, and how far along the bar is.
import type { ExportPreset, ExportProgress, ExportStage } from '../../lib/types';

/**
 * The stages each preset goes through, in order; signing follows the last one. A package's
 * PDF embeds only portfolio.json ('attachments', one file) and is signed before its files are
 * packed ('package').
 */
const stagesOf: Record<ExportPreset, ExportStage[]> = {
  certification: ['layout', 'entries', 'attachments'],
  interview: ['layout', 'entries'],
  package: ['layout', 'entries', 'attachments', 'package'],
};

/** Share of the bar left for signing and writing the file after the last stage. */
const signingShare = 0.05;

export const stageNames: Record<ExportStage, string> = {
  layout: 'Laying out pages…',
  entries: 'Drawing pages…',
  attachments: 'Embedding files…',
  package: 'Packing files…',
};

const signing = (preset: ExportPreset) => (preset === 'package' ? 'Signing the package…' : 'Signing the PDF…');

function lastStageDone(p: ExportProgress, preset: ExportPreset): boolean {
  const stages = stagesOf[preset];
  return p.stage === stages[stages.length - 1] && p.total > 0 && p.done >= p.total;
}

/** "Laying out pages: entry 3 of 10", "Embedding files: 2 of 5", "Packing files: 3 of 12", "Signing the PDF…". */
export function stageText(p: ExportProgress | null, preset: ExportPreset): string {
  if (!p) return 'Getting ready…';
  if (lastStageDone(p, preset)) return signing(preset);
  // A package's PDF embeds only portfolio.json, then is signed before the packing starts.
  if (preset === 'package' && p.stage === 'attachments') return 'Signing the PDF…';
  const of = p.total > 0 ? `${Math.min(p.done, p.total)} of ${p.total}` : '';
  switch (p.stage) {
    case 'layout':
      return of ? `Laying out pages: entry ${of}` : stageNames.layout;
    case 'entries':
      return of ? `Drawing pages: entry ${of}` : stageNames.entries;
    case 'attachments':
      return of ? `Embedding files: ${of}` : stageNames.attachments;
    case 'package':
      return of ? `Packing files: ${of}` : stageNames.package;
    default:
      return 'Working…';
  }
}

/** The short name of the stage, announced once per stage rather than per entry. */
export function stageName(p: ExportProgress | null, preset: ExportPreset): string {
  if (!p) return 'Getting ready…';
  if (lastStageDone(p, preset)) return signing(preset);
  if (preset === 'package' && p.stage === 'attachments') return 'Signing the PDF…';
  return stageNames[p.stage] ?? 'Working…';
}

/** 0 to 100 across all stages, so the bar never runs backwards when a new stage starts. */
export function percentDone(p: ExportProgress | null, preset: ExportPreset): number {
  if (!p) return 0;
  const stages = stagesOf[preset];
  const index = stages.indexOf(p.stage);
  if (index < 0) return 0;
  const share = (1 - signingShare) / stages.length;
  const within = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.round(100 * (index * share + within * share));
}
