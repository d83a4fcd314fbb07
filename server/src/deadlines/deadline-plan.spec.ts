import type { DeadlineState } from '@whistle/shared';
import { deadlineJobId, planDeadline } from './deadline-plan';

const base: DeadlineState = {
  id: 'd1',
  status: 'pending',
  acceptBy: new Date('2026-11-21T08:05:00Z'),
  arriveBy: new Date('2026-11-21T08:30:00Z'),
  resolveBy: new Date('2026-11-21T12:00:00Z'),
  overdueStages: [],
  overdueNotices: 0,
  lastOverdueAt: null,
};

describe('planDeadline', () => {
  it('plans the first notice at the running stage’s deadline, keyed by dispatch and stage', () => {
    expect(planDeadline(base, 900)).toEqual({
      jobId: deadlineJobId('d1', 'accept'),
      stage: 'accept',
      notice: 1,
      fireAt: base.acceptBy,
    });
    expect(planDeadline({ ...base, status: 'accepted' }, 900)?.fireAt).toEqual(base.arriveBy);
  });

  it('plans the next repeat one interval after the last notice of an overdue stage', () => {
    const lastOverdueAt = new Date('2026-11-21T08:06:00Z');
    const plan = planDeadline({ ...base, overdueStages: ['accept'], overdueNotices: 2, lastOverdueAt }, 900);
    expect(plan).toMatchObject({ stage: 'accept', notice: 3, fireAt: new Date('2026-11-21T08:21:00Z') });
  });

  it('starts a stage afresh once the dispatch moved on, even if an earlier stage was missed', () => {
    const plan = planDeadline(
      { ...base, status: 'accepted', overdueStages: ['accept'], overdueNotices: 0 },
      900,
    );
    expect(plan).toMatchObject({ stage: 'arrive', notice: 1, fireAt: base.arriveBy });
  });

  it('plans nothing for a dispatch without a running stage', () => {
    expect(planDeadline({ ...base, status: 'resolved' }, 900)).toBeNull();
    expect(planDeadline({ ...base, status: 'cancelled' }, 900)).toBeNull();
  });
});
