// Reading a framework's tree: what a competency is called, and the leaves evidence can be aligned
// to, grouped under their parents and filtered by what the educator types.
import type { Competency, Framework } from '../../lib/types';

/** "4.2 AI-pedagogy integration", or just the title when the competency has no code. */
export function competencyName(c: Pick<Competency, 'code' | 'title'>): string {
  return `${c.code} ${c.title}`.trim();
}

export interface LeafGroup {
  /** The parent's id; '' for leaves at the top level. */
  id: string;
  /** The parent and its ancestors, outermost first ("1 Learner"); '' at the top level. */
  label: string;
  leaves: Competency[];
}

/** The ancestors of c, outermost first. */
function ancestors(c: Competency, byId: Map<string, Competency>): Competency[] {
  const chain: Competency[] = [];
  const seen = new Set<string>();
  for (let p = byId.get(c.parentId); p && !seen.has(p.id); p = byId.get(p.parentId)) {
    seen.add(p.id);
    chain.unshift(p);
  }
  return chain;
}

/**
 * The live (not retired) leaves of a framework, grouped under their parents in the framework's
 * order. With a query, only leaves whose code, title or description, or whose parents' code or
 * title, contain every word of it.
 */
export function leafGroups(framework: Framework, query = ''): LeafGroup[] {
  const byId = new Map(framework.competencies.map((c) => [c.id, c]));
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  const groups = new Map<string, LeafGroup>();
  for (const c of framework.competencies) {
    if (!c.leaf || c.retiredAt) continue;
    const chain = ancestors(c, byId);
    if (words.length > 0) {
      const text = [c.code, c.title, c.description, ...chain.flatMap((p) => [p.code, p.title])].join(' ').toLowerCase();
      if (!words.every((w) => text.includes(w))) continue;
    }
    let group = groups.get(c.parentId);
    if (!group) {
      group = { id: c.parentId, label: chain.map(competencyName).join(' › '), leaves: [] };
      groups.set(c.parentId, group);
    }
    group.leaves.push(c);
  }
  return [...groups.values()];
}

/** Loads framework trees once per id; a failed load is tried again next time. */
export class FrameworkCache {
  #trees = new Map<string, Promise<Framework>>();
  #load: (id: string) => Promise<Framework>;

  constructor(load: (id: string) => Promise<Framework>) {
    this.#load = load;
  }

  get(id: string): Promise<Framework> {
    let tree = this.#trees.get(id);
    if (!tree) {
      tree = this.#load(id);
      this.#trees.set(id, tree);
      tree.catch(() => this.#trees.delete(id));
    }
    return tree;
  }
}
