// The custom-framework editor's working copy: a tree of nodes built from a framework's live
// competencies, the edits the educator makes to it, and the payload SaveCustom expects
// (depth-first, parentId from the tree, id "" for competencies not saved yet). Nodes carry a
// local key, so a new competency can be moved before Go has given it an id.
import type { Competency } from '../../lib/types';

export interface Node {
  key: string;
  c: Competency;
  children: Node[];
}

let lastKey = 0;
const nextKey = () => `n${++lastKey}`;

/** The tree of a framework's live competencies; retired ones stay out (and so stay retired). */
export function toTree(competencies: Competency[]): Node[] {
  const live = competencies.filter((c) => !c.retiredAt);
  const nodes = new Map(live.map((c) => [c.id, { key: nextKey(), c: { ...c }, children: [] as Node[] }]));
  const roots: Node[] = [];
  for (const c of live) {
    const node = nodes.get(c.id)!;
    const parent = nodes.get(c.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Every node, depth-first. */
export function flatten(tree: Node[]): Node[] {
  return tree.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The competencies to send to SaveCustom, depth-first, with parents, positions and depths from the tree. */
export function toPayload(tree: Node[], frameworkId: string): Competency[] {
  const out: Competency[] = [];
  const walk = (nodes: Node[], parent: Node | null, depth: number) =>
    nodes.forEach((n, i) => {
      out.push({
        ...n.c,
        frameworkId,
        parentId: parent ? parent.c.id : '',
        position: i + 1,
        depth,
        leaf: n.children.length === 0,
      });
      walk(n.children, n, depth + 1);
    });
  walk(tree, null, 0);
  return out;
}

export interface Place {
  node: Node;
  parent: Node | null;
  siblings: Node[];
  index: number;
}

export function locate(tree: Node[], key: string, parent: Node | null = null): Place | null {
  for (let index = 0; index < tree.length; index++) {
    const node = tree[index];
    if (node.key === key) return { node, parent, siblings: tree, index };
    const inner = locate(node.children, key, node);
    if (inner) return inner;
  }
  return null;
}

/** Whether each edit is possible for the node now. */
export function abilities(tree: Node[], key: string) {
  const at = locate(tree, key);
  if (!at) return { up: false, down: false, indent: false, outdent: false };
  const previous = at.siblings[at.index - 1];
  return {
    up: at.index > 0,
    down: at.index < at.siblings.length - 1,
    // The new parent must have an id already: SaveCustom links children to their parent's id.
    indent: !!previous && previous.c.id !== '',
    outdent: at.parent !== null,
  };
}

export function moveUp(tree: Node[], key: string): boolean {
  const at = locate(tree, key);
  if (!at || at.index === 0) return false;
  at.siblings.splice(at.index - 1, 2, at.siblings[at.index], at.siblings[at.index - 1]);
  return true;
}

export function moveDown(tree: Node[], key: string): boolean {
  const at = locate(tree, key);
  if (!at || at.index >= at.siblings.length - 1) return false;
  at.siblings.splice(at.index, 2, at.siblings[at.index + 1], at.siblings[at.index]);
  return true;
}

/** Makes the node the last child of its previous sibling. */
export function indent(tree: Node[], key: string): boolean {
  const at = locate(tree, key);
  if (!at || !abilities(tree, key).indent) return false;
  const previous = at.siblings[at.index - 1];
  const [node] = at.siblings.splice(at.index, 1);
  previous.children.push(node);
  return true;
}

/** Moves the node up one level, right after its former parent. */
export function outdent(tree: Node[], key: string): boolean {
  const at = locate(tree, key);
  if (!at || !at.parent) return false;
  const up = locate(tree, at.parent.key)!;
  const [node] = at.siblings.splice(at.index, 1);
  up.siblings.splice(up.index + 1, 0, node);
  return true;
}

/** Removes the node and everything inside it; returns how many competencies that was. */
export function remove(tree: Node[], key: string): number {
  const at = locate(tree, key);
  if (!at) return 0;
  at.siblings.splice(at.index, 1);
  return flatten([at.node]).length;
}

export function rename(tree: Node[], key: string, code: string, title: string): boolean {
  const at = locate(tree, key);
  if (!at) return false;
  at.node.c.code = code.trim();
  at.node.c.title = title.trim();
  return true;
}

/** Adds a new competency (id "") as the last child of parentKey, or at the top level for "". */
export function add(tree: Node[], parentKey: string, code: string, title: string, frameworkId: string): Node {
  const node: Node = {
    key: nextKey(),
    c: {
      id: '',
      frameworkId,
      parentId: '',
      code: code.trim(),
      title: title.trim(),
      description: '',
      position: 0,
      depth: 0,
      leaf: true,
    },
    children: [],
  };
  const parent = parentKey ? locate(tree, parentKey)?.node : null;
  (parent ? parent.children : tree).push(node);
  return node;
}
