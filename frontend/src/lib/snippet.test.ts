import { describe, expect, it } from 'vitest';
import { parseSnippet } from './snippet';

describe('parseSnippet', () => {
  it('splits marked matches from plain text', () => {
    expect(parseSnippet('…students used [Claude] to draft [feedback]…')).toEqual([
      { text: '…students used ', match: false },
      { text: 'Claude', match: true },
      { text: ' to draft ', match: false },
      { text: 'feedback', match: true },
      { text: '…', match: false },
    ]);
  });

  it('keeps an unmatched bracket as text', () => {
    expect(parseSnippet('array[0 and [x]')).toEqual([
      { text: 'array', match: false },
      { text: '0 and [x', match: true },
    ]);
    expect(parseSnippet('only [ open')).toEqual([{ text: 'only [ open', match: false }]);
  });
});
