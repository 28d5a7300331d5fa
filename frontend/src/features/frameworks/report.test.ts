import { describe, expect, it } from 'vitest';
import { aFramework, anImportReport } from '../../test/builders';
import { importMessage } from './report';

describe('importMessage', () => {
  it('counts in words, naming only what was ignored or restored', () => {
    const f = aFramework({ title: 'Tiny' });
    const r = anImportReport(f, {
      file: { items: 1, associations: 1, used: 1, ignoredExternal: 0, ignoredOtherType: 0, ignoredExtraParents: 2 },
      change: { added: 0, updated: 0, retired: 0, unchanged: 0, restored: 1 },
    });
    expect(importMessage(r)).toBe('Imported “Tiny”: 1 item, 1 association used, 2 repeated placements ignored; 0 added, 0 updated, 0 retired, 1 restored.');
  });
});
