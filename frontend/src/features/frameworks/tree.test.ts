import { describe, expect, it } from 'vitest';
import { aFramework } from '../../test/builders';
import * as ops from './tree';

function setup() {
  const f = aFramework({ id: 'custom-1' }, [
    { code: 'A', title: 'Teaching', leaves: [{ code: 'A.1', title: 'Plan' }] },
    { code: 'B', title: 'Leading', leaves: [] },
  ]);
  const tree = ops.toTree(f.competencies);
  const key = (code: string) => ops.flatten(tree).find((n) => n.c.code === code)!.key;
  const shape = () => ops.toPayload(tree, f.id).map((c) => `${'  '.repeat(c.depth)}${c.code}`);
  return { f, tree, key, shape };
}

describe('custom framework tree', () => {
  it('leaves retired competencies out, so saving keeps them retired', () => {
    const f = aFramework({ id: 'custom-1' }, [{ code: 'A', title: 'Teaching', leaves: [{ code: 'A.1', title: 'Plan' }] }]);
    f.competencies[1].retiredAt = '2025-01-01T00:00:00Z';
    expect(ops.toPayload(ops.toTree(f.competencies), f.id).map((c) => c.code)).toEqual(['A']);
  });

  it('will not nest under a competency that has no id yet', () => {
    const { tree, shape } = setup();
    const fresh = ops.add(tree, '', 'C', 'New', 'custom-1');
    const after = ops.add(tree, '', 'D', 'Newer', 'custom-1');
    expect(ops.abilities(tree, after.key).indent).toBe(false);
    expect(ops.indent(tree, after.key)).toBe(false);
    fresh.c.id = 'custom-1:c';
    expect(ops.indent(tree, after.key)).toBe(true);
    expect(shape()).toEqual(['A', '  A.1', 'B', 'C', '  D']);
    expect(ops.toPayload(tree, 'custom-1').at(-1)).toMatchObject({ id: '', parentId: 'custom-1:c', position: 1, depth: 1 });
  });

  it('moves whole subtrees and counts what a removal takes', () => {
    const { tree, key, shape } = setup();
    ops.moveDown(tree, key('A'));
    expect(shape()).toEqual(['B', 'A', '  A.1']);
    ops.indent(tree, key('A'));
    expect(shape()).toEqual(['B', '  A', '    A.1']);
    ops.outdent(tree, key('A.1'));
    expect(shape()).toEqual(['B', '  A', '  A.1']);
    expect(ops.remove(tree, key('B'))).toBe(3);
    expect(shape()).toEqual([]);
  });
});
