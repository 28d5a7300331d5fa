// The strength scales as Go's portfolio.Strengths lists them, weakest first, with the words the
// educator sees; and the self-assessment statuses.
import type { AssessmentStatus, Strength, StrengthScale } from '../../lib/types';

const scales: Record<StrengthScale, { value: Strength; label: string }[]> = {
  unesco_levels: [
    { value: 'acquire', label: 'Acquire' },
    { value: 'deepen', label: 'Deepen' },
    { value: 'create', label: 'Create' },
  ],
  proficiency: [
    { value: 'emerging', label: 'Emerging' },
    { value: 'proficient', label: 'Proficient' },
    { value: 'exemplary', label: 'Exemplary' },
  ],
};

/** The values of a scale, weakest first; any scale but UNESCO's is the proficiency scale. */
export function scaleOf(scale: StrengthScale | string) {
  return scale === 'unesco_levels' ? scales.unesco_levels : scales.proficiency;
}

/** 0-based rank of a strength on its scale, -1 when unrated or not on the scale. */
export function strengthRank(scale: StrengthScale | string, strength: string): number {
  return scaleOf(scale).findIndex((s) => s.value === strength);
}

/** "Deepen", or '' when unrated or not on the scale. */
export function strengthLabel(scale: StrengthScale | string, strength: string): string {
  return scaleOf(scale).find((s) => s.value === strength)?.label ?? '';
}

export const assessmentOptions: { value: AssessmentStatus; label: string }[] = [
  { value: 'not_started', label: 'Not started' },
  { value: 'in_progress', label: 'In progress' },
  { value: 'ready_for_review', label: 'Ready for review' },
  { value: 'met', label: 'Met' },
];

export function assessmentLabel(status: string): string {
  return assessmentOptions.find((o) => o.value === status)?.label ?? 'Not started';
}
