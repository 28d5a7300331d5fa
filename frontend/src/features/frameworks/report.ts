// The sentence the Frameworks page shows after a CASE import.
import { plural } from '../../lib/format';
import type { ImportReport } from '../../lib/types';

/**
 * "Imported “X”: 42 items, 40 associations used, 2 to other documents ignored; 42 added,
 * 0 updated, 0 retired." — or "Updated “X”: …" when the file replaced an earlier import.
 */
export function importMessage(r: ImportReport): string {
  const file = [plural(r.file.items, 'item'), `${plural(r.file.used, 'association')} used`];
  if (r.file.ignoredExternal > 0) file.push(`${r.file.ignoredExternal} to other documents ignored`);
  if (r.file.ignoredOtherType > 0) file.push(`${r.file.ignoredOtherType} of other types ignored`);
  if (r.file.ignoredExtraParents > 0) file.push(`${r.file.ignoredExtraParents} repeated placements ignored`);
  const change = [`${r.change.added} added`, `${r.change.updated} updated`, `${r.change.retired} retired`];
  if (r.change.restored > 0) change.push(`${r.change.restored} restored`);
  if (r.replaced && r.change.unchanged > 0) change.push(`${r.change.unchanged} unchanged`);
  return `${r.replaced ? 'Updated' : 'Imported'} “${r.framework.title}”: ${file.join(', ')}; ${change.join(', ')}.`;
}
