import type { DispatchView } from '@whistle/shared';
import { leaderSummons, waitingCount } from './leader-inbox';

const at = (minutes: number) => new Date(Date.parse('2026-12-02T08:00:00Z') + minutes * 60_000).toISOString();

function d(id: string, patch: Partial<DispatchView>): DispatchView {
  return {
    id,
    assigneeKind: 'leader',
    leaderUserId: 'me',
    status: 'pending',
    createdAt: at(0),
    acceptBy: at(30),
    arriveBy: at(24 * 60),
    resolveBy: at(15 * 24 * 60),
    acceptedAt: null,
    arrivedAt: null,
    ...patch,
  } as DispatchView;
}

describe('leaderSummons', () => {
  it('keeps the leader’s own summons, running ones by nearest deadline, finished ones after', () => {
    const list = [
      d('done-old', { status: 'resolved', createdAt: at(-100) }),
      d('arrive-stage', { status: 'accepted', acceptedAt: at(5) }),
      d('accept-stage', {}),
      d('done-new', { status: 'resolved', createdAt: at(-10) }),
      d('someone-else', { leaderUserId: 'other' }),
      d('a-department', { assigneeKind: 'department', leaderUserId: null }),
    ];
    const own = leaderSummons(list, 'me');
    expect(own.map((x) => x.id)).toEqual(['accept-stage', 'arrive-stage', 'done-new', 'done-old']);
    expect(waitingCount(own)).toBe(2);
  });
});
