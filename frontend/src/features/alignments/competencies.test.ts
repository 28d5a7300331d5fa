import { describe, expect, it, vi } from 'vitest';
import { aCompetency, aFramework, aUnescoFramework } from '../../test/builders';
import { competencyName, FrameworkCache, leafGroups } from './competencies';

describe('leafGroups', () => {
  it('groups a three-level tree’s leaves under their parents, named with their ancestors', () => {
    const f = aFramework({
      competencies: [
        aCompetency({ id: 'd', code: 'D1', title: 'Domain', leaf: false }),
        aCompetency({ id: 'c', parentId: 'd', code: 'C1', title: 'Cluster', depth: 1, leaf: false }),
        aCompetency({ id: 'l1', parentId: 'c', code: 'C1.a', title: 'Plans with data', depth: 2 }),
        aCompetency({ id: 'l2', parentId: 'd', code: '', title: 'Reflects', depth: 1 }),
        aCompetency({ id: 'top', title: 'Stands alone' }),
      ],
    });

    expect(leafGroups(f).map((g) => [g.label, g.leaves.map(competencyName)])).toEqual([
      ['D1 Domain › C1 Cluster', ['C1.a Plans with data']],
      ['D1 Domain', ['Reflects']],
      ['', ['Stands alone']],
    ]);
  });

  it('filters by every word, in the competency or its parents', () => {
    const f = aUnescoFramework();

    expect(leafGroups(f, '4.2').flatMap((g) => g.leaves.map((c) => c.code))).toEqual(['4.2']);
    expect(leafGroups(f, 'PEDAGOGY').flatMap((g) => g.leaves.map((c) => c.code))).toEqual(['4.1', '4.2', '4.3']);
    expect(leafGroups(f, 'ethics rules').flatMap((g) => g.leaves.map((c) => c.code))).toEqual(['2.3']);
  });
});

describe('FrameworkCache', () => {
  it('loads each framework once and tries again after a failure', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('busy')).mockResolvedValue(aUnescoFramework());
    const cache = new FrameworkCache(load);

    await expect(cache.get('unesco-ai-cft')).rejects.toThrow('busy');
    await cache.get('unesco-ai-cft');
    await cache.get('unesco-ai-cft');

    expect(load).toHaveBeenCalledTimes(2);
  });
});
