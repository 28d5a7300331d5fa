import { describe, expect, it } from 'vitest';
import { onScale, strengthLabel, strengthOptions, strengthRank } from './strengths';

describe('strengths', () => {
  it('follow the framework’s scale, weakest first', () => {
    expect(strengthOptions('unesco_levels').map((o) => o.label)).toEqual(['Acquire', 'Deepen', 'Create']);
    expect(strengthOptions('proficiency').map((o) => o.label)).toEqual(['Emerging', 'Proficient', 'Exemplary']);
    expect(strengthOptions('some_future_scale')).toEqual(strengthOptions('proficiency'));
  });

  it('label a strength, or give "" when it is not on the scale', () => {
    expect(strengthLabel('unesco_levels', 'create')).toBe('Create');
    expect(strengthLabel('unesco_levels', '')).toBe('');
    expect(strengthLabel('proficiency', 'deepen')).toBe('');
  });

  it('rank a strength on its scale, -1 when unrated or not on it', () => {
    expect(strengthRank('unesco_levels', 'acquire')).toBe(0);
    expect(strengthRank('proficiency', 'exemplary')).toBe(2);
    expect(strengthRank('proficiency', '')).toBe(-1);
    expect(strengthRank('unesco_levels', 'proficient')).toBe(-1);
  });

  it('read unrated and unknown strengths as the weakest on the scale', () => {
    expect(onScale('proficiency', '')).toBe('emerging');
    expect(onScale('unesco_levels', 'exemplary')).toBe('acquire');
    expect(onScale('unesco_levels', 'deepen')).toBe('deepen');
  });
});
