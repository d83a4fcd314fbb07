import type { DispatchView } from '@whistle/shared';
import { runningStage } from '../dispatches/countdown';

/**
 * The leader's own summons (双报到): dispatches of a tough whistle assigned to this leader. The
 * list the server gives a leader is district-wide (oversight); only these are theirs to work on.
 * Running ones first, the nearest deadline on top; finished ones after, newest first.
 */
export function leaderSummons(dispatches: readonly DispatchView[], userId: string): DispatchView[] {
  const own = dispatches.filter((d) => d.assigneeKind === 'leader' && d.leaderUserId === userId);
  const due = (d: DispatchView) => runningStage(d)?.dueAt ?? null;
  return own.sort((a, b) => {
    const [da, db] = [due(a), due(b)];
    if (da !== null && db !== null) return da - db;
    if (da !== null) return -1;
    if (db !== null) return 1;
    return Date.parse(b.createdAt) - Date.parse(a.createdAt);
  });
}

/** Summons still waiting on the leader (a stage running): the count on the inbox tab. */
export function waitingCount(summons: readonly DispatchView[]): number {
  return summons.filter((d) => runningStage(d) !== null).length;
}
