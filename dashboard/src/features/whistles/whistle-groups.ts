import type { DispatchView } from '@whistle/shared';

export interface WhistleGroup {
  whistleId: string;
  first: DispatchView;
  dispatches: DispatchView[];
  /** The group holds a stage past its deadline: it goes to the top. */
  overdue: boolean;
}

/** Dispatches grouped by whistle: overdue whistles first, then the newest (what the room talks about). */
export function groupByWhistle(dispatches: readonly DispatchView[], now = Date.now()): WhistleGroup[] {
  const groups = new Map<string, WhistleGroup>();
  for (const d of dispatches) {
    if (!d.whistleId) continue; // tasks sent down to streets are not whistles
    const group = groups.get(d.whistleId) ?? {
      whistleId: d.whistleId,
      first: d,
      dispatches: [],
      overdue: false,
    };
    group.dispatches.push(d);
    group.overdue ||= d.overdueStages.length > 0 || isPastDue(d, now);
    groups.set(d.whistleId, group);
  }
  for (const g of groups.values()) g.dispatches.sort((a, b) => byTime(a.createdAt, b.createdAt));
  return [...groups.values()].sort(
    (a, b) => Number(b.overdue) - Number(a.overdue) || byTime(b.first.createdAt, a.first.createdAt),
  );
}

/** ISO-8601 UTC timestamps order as plain strings (and far faster than localeCompare). */
const byTime = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function isPastDue(d: DispatchView, now: number): boolean {
  const due = d.status === 'pending' ? d.acceptBy : d.status === 'accepted' ? d.arriveBy : d.resolveBy;
  return Date.parse(due) < now;
}

/**
 * As many whole groups as fit in `rows` (a title row plus one row per department), so the column
 * never scrolls; the rest are counted for a "N more" line.
 */
export function takeWhatFits(
  groups: readonly WhistleGroup[],
  rows: number,
): { shown: WhistleGroup[]; hidden: number } {
  const shown: WhistleGroup[] = [];
  let used = 0;
  for (const g of groups) {
    const need = 1 + g.dispatches.length;
    if (used + need > rows) break;
    shown.push(g);
    used += need;
  }
  return { shown, hidden: groups.length - shown.length };
}
