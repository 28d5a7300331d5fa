// Words for the Credentials page: kinds, finding statuses, dates.
import { formatDay } from '../../lib/format';
import type { BadgeFinding, CredentialKind, FindingStatus } from '../../lib/types';

export const kindLabels: Record<CredentialKind, string> = {
  certification: 'Certification',
  micro_credential: 'Micro-credential',
  badge: 'Badge',
};

export const kindOptions: { value: CredentialKind; label: string }[] = [
  { value: 'certification', label: kindLabels.certification },
  { value: 'micro_credential', label: kindLabels.micro_credential },
  { value: 'badge', label: kindLabels.badge },
];

/** The status of a check in words; the icon beside it only repeats them. */
export const findingLabels: Record<FindingStatus, string> = {
  passed: 'Passed',
  failed: 'Failed',
  not_checked: 'Not checked offline',
};

export const findingIcons: Record<FindingStatus, 'ok' | 'error' | 'info'> = {
  passed: 'ok',
  failed: 'error',
  not_checked: 'info',
};

export function findingLabel(f: BadgeFinding): string {
  return findingLabels[f.status] ?? f.status;
}

/** A badge's time (RFC 3339, or Go's zero time when absent) as a day; '' when absent. */
export function badgeDay(rfc3339: string | undefined): string {
  if (!rfc3339 || rfc3339.startsWith('0001-01-01')) return '';
  return formatDay(rfc3339.slice(0, 10));
}
