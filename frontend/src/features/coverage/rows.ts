// Turns a coverage map into the rows the table shows: groups (inner nodes) with the leaves under
// them, filtered by what the educator typed and "gaps only", with collapsed groups folded.
import type { Competency, CoverageRow } from '../../lib/types';

/** "4.2 AI-pedagogy integration", or just the title when the competency has no code. */
export function competencyName(c: Pick<Competency, 'code' | 'title'>): string {
  return `${c.code} ${c.title}`.trim();
}

/** A live leaf without evidence: what the map calls a gap. */
export function isGap(row: CoverageRow): boolean {
  return row.competency.leaf && !row.competency.retiredAt && row.evidence.length === 0;
}

export interface GroupItem {
  type: 'group';
  row: CoverageRow;
  depth: number;
  expanded: boolean;
  /** live leaves under the group, and how many of them have evidence */
  total: number;
  covered: number;
}

export interface LeafItem {
  type: 'leaf';
  row: CoverageRow;
  depth: number;
}

export type Item = GroupItem | LeafItem;

/** A top-level group with everything shown under it, or a run of top-level leaves. */
export interface Section {
  key: string;
  items: Item[];
}

export interface RowOptions {
  query: string;
  gapsOnly: boolean;
  /** ids of collapsed groups */
  collapsed: ReadonlySet<string>;
}

export interface Shown {
  sections: Section[];
  /** leaves shown (or folded away in a collapsed group) after filtering */
  matching: number;
  /** every leaf of the map */
  leaves: number;
}

export function visibleRows(rows: CoverageRow[], { query, gapsOnly, collapsed }: RowOptions): Shown {
  const words = query.toLowerCase().split(/\s+/u).filter(Boolean);
  const filtering = words.length > 0 || gapsOnly;
  const ids = new Set(rows.map((r) => r.competency.id));
  const children = new Map<string, CoverageRow[]>();
  for (const r of rows) {
    // A row whose parent is not in the map hangs at the top, as the store's tree order places it.
    const parent = ids.has(r.competency.parentId) ? r.competency.parentId : '';
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(r);
  }
  const text = (c: Competency) => `${c.code} ${c.title} ${c.description}`.toLowerCase();
  const matchesText = (r: CoverageRow, trail: string) => {
    const all = `${trail} ${text(r.competency)}`;
    return words.every((w) => all.includes(w));
  };
  const leafShown = (r: CoverageRow, trail: string) => matchesText(r, trail) && (!gapsOnly || isGap(r));

  let matching = 0;
  let leaves = 0;

  // Items of one subtree; null when filtering left nothing of it.
  function walk(r: CoverageRow, depth: number, trail: string, hidden: boolean): { items: Item[]; any: boolean } {
    const kids = children.get(r.competency.id) ?? [];
    if (kids.length === 0 || r.competency.leaf) {
      leaves++;
      const shown = leafShown(r, trail);
      if (shown) matching++;
      return { items: shown && !hidden ? [{ type: 'leaf', row: r, depth }] : [], any: shown };
    }
    const expanded = !collapsed.has(r.competency.id);
    const inner: Item[] = [];
    let any = false;
    let total = 0;
    let covered = 0;
    const nextTrail = `${trail} ${r.competency.code} ${r.competency.title}`.toLowerCase();
    const count = (row: CoverageRow) => {
      for (const k of children.get(row.competency.id) ?? []) {
        if ((children.get(k.competency.id) ?? []).length === 0 || k.competency.leaf) {
          if (!k.competency.retiredAt) {
            total++;
            if (k.evidence.length > 0) covered++;
          }
        } else count(k);
      }
    };
    count(r);
    for (const k of kids) {
      const sub = walk(k, depth + 1, nextTrail, hidden || !expanded);
      inner.push(...sub.items);
      any ||= sub.any;
    }
    if (filtering && !any) return { items: [], any: false };
    const group: GroupItem = { type: 'group', row: r, depth, expanded, total, covered };
    return { items: hidden ? [] : [group, ...inner], any: true };
  }

  const sections: Section[] = [];
  let loose: Section | null = null;
  for (const top of children.get('') ?? []) {
    const { items } = walk(top, 0, '', false);
    if (items.length === 0) continue;
    if (items[0].type === 'group') {
      loose = null;
      sections.push({ key: top.competency.id, items });
    } else {
      if (!loose) {
        loose = { key: `leaves-${top.competency.id}`, items: [] };
        sections.push(loose);
      }
      loose.items.push(...items);
    }
  }
  return { sections, matching, leaves };
}
