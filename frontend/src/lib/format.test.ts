import { describe, expect, it } from 'vitest';
import { countWords, humanSize } from './format';

describe('countWords', () => {
  it('counts whitespace-separated words like the Go side', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords(' It  shows\nhow we\tbegan ')).toBe(5);
    expect(countWords('Zoë’s co-taught lesson')).toBe(3);
  });
});

describe('humanSize', () => {
  it('uses readable units', () => {
    expect(humanSize(512)).toBe('512 bytes');
    expect(humanSize(1536)).toBe('1.5 KB');
    expect(humanSize(248_832)).toBe('243 KB');
    expect(humanSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});
