// The self-assessment statuses, with the words the educator sees.
import type { AssessmentStatus } from '../../lib/types';

export const assessmentOptions: { value: AssessmentStatus; label: string }[] = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'ready_for_review', label: 'Ready for review' },
  { value: 'met', label: 'Met' },
];

export function assessmentLabel(status: string): string {
  return assessmentOptions.find((o) => o.value === status)?.label ?? 'Not started';
}
