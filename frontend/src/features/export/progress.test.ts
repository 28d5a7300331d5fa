import { describe, expect, it } from 'vitest';
import { defaultPaper, toRequest } from './choices.svelte';
import { percentDone, stageName, stageText } from './progress';

describe('export progress', () => {
  it('says each stage in words', () => {
    expect(stageText(null, 'certification')).toBe('Getting ready…');
    expect(stageText({ stage: 'layout', done: 3, total: 10 }, 'certification')).toBe('Laying out pages: entry 3 of 10');
    expect(stageText({ stage: 'entries', done: 10, total: 10 }, 'certification')).toBe('Drawing pages: entry 10 of 10');
    expect(stageText({ stage: 'entries', done: 10, total: 10 }, 'interview')).toBe('Signing the PDF…');
    expect(stageText({ stage: 'attachments', done: 2, total: 5 }, 'certification')).toBe('Embedding files: 2 of 5');
    expect(stageText({ stage: 'attachments', done: 5, total: 5 }, 'certification')).toBe('Signing the PDF…');
    expect(stageName({ stage: 'entries', done: 4, total: 10 }, 'certification')).toBe('Drawing pages…');
  });

  it('says the package stages in words: its PDF is signed, then its files are packed', () => {
    expect(stageText({ stage: 'entries', done: 10, total: 10 }, 'package')).toBe('Drawing pages: entry 10 of 10');
    expect(stageText({ stage: 'attachments', done: 1, total: 1 }, 'package')).toBe('Signing the PDF…');
    expect(stageText({ stage: 'package', done: 3, total: 12 }, 'package')).toBe('Packing files: 3 of 12');
    expect(stageText({ stage: 'package', done: 12, total: 12 }, 'package')).toBe('Signing the package…');
    expect(stageName({ stage: 'package', done: 3, total: 12 }, 'package')).toBe('Packing files…');
    const steps = [
      { stage: 'layout', done: 4, total: 4 },
      { stage: 'entries', done: 4, total: 4 },
      { stage: 'attachments', done: 1, total: 1 },
      { stage: 'package', done: 1, total: 12 },
      { stage: 'package', done: 12, total: 12 },
    ] as const;
    const values = steps.map((p) => percentDone(p, 'package'));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(95);
  });

  it('moves the bar forward across stages, never back', () => {
    const steps = [
      { stage: 'layout', done: 1, total: 4 },
      { stage: 'layout', done: 4, total: 4 },
      { stage: 'entries', done: 1, total: 4 },
      { stage: 'entries', done: 4, total: 4 },
      { stage: 'attachments', done: 1, total: 2 },
      { stage: 'attachments', done: 2, total: 2 },
    ] as const;
    const values = steps.map((p) => percentDone(p, 'certification'));
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(values.at(-1)).toBe(95);
    expect(percentDone({ stage: 'entries', done: 4, total: 4 }, 'interview')).toBe(95);
    expect(percentDone(null, 'interview')).toBe(0);
  });
});

describe('export choices', () => {
  const base = { paper: 'a4', picked: ['c', 'a'], highlights: ['c', 'gone'], pageLimit: 8, leaveOut: '5' } as const;

  it('sends interview picks and highlights in the portfolio order, and no size limit', () => {
    expect(toRequest({ ...base, preset: 'interview', picked: [...base.picked], highlights: [...base.highlights] }, ['a', 'b', 'c'])).toEqual({
      preset: 'interview',
      paper: 'a4',
      entryIds: ['a', 'c'],
      highlights: ['c'],
      leaveOutOver: 0,
    });
  });

  it('sends only the paper for the package', () => {
    expect(toRequest({ ...base, preset: 'package', picked: [...base.picked], highlights: [] }, ['a', 'b', 'c'])).toEqual({
      preset: 'package',
      paper: 'a4',
      entryIds: [],
      highlights: [],
      leaveOutOver: 0,
    });
  });

  it('sends only the size limit for certification', () => {
    expect(toRequest({ ...base, preset: 'certification', picked: [...base.picked], highlights: [] }, ['a', 'b', 'c'])).toEqual({
      preset: 'certification',
      paper: 'a4',
      entryIds: [],
      highlights: [],
      leaveOutOver: 5 * 1024 * 1024,
    });
  });

  it('starts on the paper of the locale', () => {
    expect(defaultPaper('en-US')).toBe('letter');
    expect(defaultPaper('fr-CA')).toBe('letter');
    expect(defaultPaper('en-GB')).toBe('a4');
    expect(defaultPaper('de')).toBe('a4');
  });
});
