// The strength scales as Go's portfolio.Strengths lists them, weakest first, with the words the
// educator sees.
import type { Strength, StrengthScale } from './types';

export interface StrengthOption {
  value: Exclude<Strength, ''>;
  label: string;
}

const scales: Record<StrengthScale, StrengthOption[]> = {
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

/** The values of a framework's scale, weakest first; any scale but UNESCO's is the proficiency scale. */
export function strengthOptions(scale: StrengthScale | string): StrengthOption[] {
  return scale === 'unesco_levels' ? scales.unesco_levels : scales.proficiency;
}

/** "Deepen", or '' when unrated or not on the scale. */
export function strengthLabel(scale: StrengthScale | string, strength: string): string {
  return strengthOptions(scale).find((o) => o.value === strength)?.label ?? '';
}

/** 0-based rank of a strength on its scale, -1 when unrated or not on the scale. */
export function strengthRank(scale: StrengthScale | string, strength: string): number {
  return strengthOptions(scale).findIndex((o) => o.value === strength);
}

/** A stored strength as a value of the scale: '' (unrated) and unknown values read as the weakest. */
export function onScale(scale: StrengthScale | string, strength: string): StrengthOption['value'] {
  const options = strengthOptions(scale);
  return options.find((o) => o.value === strength)?.value ?? options[0].value;
}
