// The acts of an assessment grouped by status, in the order the result shows them.
import type { ActResult, Status } from '../../api';

export const ORDER: Status[] = ['applies', 'upcoming', 'undetermined', 'no_longer_applies', 'not_applicable'];

function byName(a: ActResult, b: ActResult) {
  return a.short_name.localeCompare(b.short_name);
}

// The acts by status, each group sorted by short name.
export function groupActs(acts: ActResult[]): Record<Status, ActResult[]> {
  const groups: Record<Status, ActResult[]> = {
    applies: [],
    upcoming: [],
    undetermined: [],
    no_longer_applies: [],
    not_applicable: [],
  };
  for (const act of acts) (groups[act.status] ?? groups.not_applicable).push(act);
  for (const g of Object.values(groups)) g.sort(byName);
  return groups;
}
