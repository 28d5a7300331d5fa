// How backups and their progress read to the educator.
import { formatDay, formatTime, humanSize, plural } from '../../lib/format';
import type { BackupProgress, BackupReport, BackupStage, BackupSummary, ListedBackup, RestoreCandidate } from '../../lib/types';

/** Where a restore puts the portfolio it replaces (the time is the restore's own). */
export const safetyBackupName = 'backups/readyfolio-before-restore-…';

export const entries = (n: number) => plural(n, 'entry', 'entries');
export const files = (n: number) => plural(n, 'file');

/** "28 Nov 2026, 08:15", or the raw value when it is not a time. */
export function madeWhen(summary: BackupSummary): string {
  return formatTime(summary.made) || summary.made || 'an unknown date';
}

/** The plain statement of what a restore does, for the confirmation. */
export function confirmation(c: RestoreCandidate): string {
  return (
    `Your current portfolio (${entries(c.currentEntries)}) will be backed up to ${safetyBackupName} first, ` +
    `then replaced by the backup from ${madeWhen(c.backup)}: ${entries(c.backup.entries)}, ${files(c.backup.artifacts)}.`
  );
}

/** What happens to the signing identity. */
export function identityNote(summary: BackupSummary): string {
  return summary.identity
    ? 'The backup includes a signing identity; it replaces the one you have now, and its passphrase is the one it had when the backup was made.'
    : 'The backup has no signing identity: after the restore you will have none until you create or import one.';
}

/** The facts of a backup just written. */
export function reportFacts(r: BackupReport): string[] {
  return [
    entries(r.entries),
    files(r.artifacts),
    r.identity ? 'signing identity included' : 'no signing identity',
    humanSize(r.bytes),
    'read back and verified',
  ];
}

/** "Daily backup" or "Before a restore at 09:30". */
export function listedKind(b: ListedBackup): string {
  return b.kind === 'daily' ? 'Daily backup' : `Made before a restore at ${b.time.slice(0, 5)}`;
}

/** "28 Nov 2026". */
export const listedDay = (b: ListedBackup) => formatDay(b.date);

const of = (done: number, total: number) => `${humanSize(Math.min(done, total))} of ${humanSize(total)}`;

/**
 * What the job is doing, in words. Writing a backup counts each byte twice (written, then read
 * back); a restore too (checked, then unpacked), and then backs up the current portfolio, which
 * the events do not count.
 */
export function progressText(job: BackupStage, p: BackupProgress | null): string {
  if (!p || p.stage !== job || p.total <= 0) return job === 'backup' ? 'Getting ready…' : 'Opening the backup…';
  const half = p.total / 2;
  switch (job) {
    case 'backup':
      return p.done < half ? `Writing the backup: ${of(p.done, half)}` : `Reading it back to check it: ${of(p.done - half, half)}`;
    case 'inspect':
      return `Checking the backup: ${of(p.done, p.total)}`;
    case 'restore':
      if (p.done >= p.total) return 'Backing up your current portfolio, then putting the backup in place…';
      return p.done < half ? `Checking the backup again: ${of(p.done, half)}` : `Unpacking: ${of(p.done - half, half)}`;
  }
}

/** The short stage, announced once per stage rather than per step. */
export function progressStatus(job: BackupStage, p: BackupProgress | null): string {
  const late = p !== null && p.stage === job && p.total > 0 && p.done >= p.total / 2;
  switch (job) {
    case 'backup':
      return late ? 'Checking the backup…' : 'Writing the backup…';
    case 'inspect':
      return 'Checking the backup…';
    case 'restore':
      if (p && p.stage === job && p.total > 0 && p.done >= p.total) return 'Putting the backup in place…';
      return late ? 'Unpacking…' : 'Checking the backup again…';
  }
}

/** 0 to 100. */
export function progressPercent(job: BackupStage, p: BackupProgress | null): number {
  if (!p || p.stage !== job || p.total <= 0) return 0;
  return Math.min(100, (100 * p.done) / p.total);
}
