import i18n from '../../i18n';
import { incidentEvent } from '../../test/fake-socket';
import type { FeedNames } from '../reference/useFeedNames';
import { describeEvent } from './describe-event';
import type { AnyLiveEvent } from './types';

const names: FeedNames = {
  department: () => '城管局',
  street: () => '夫子庙街道',
  whistleType: () => '综合执法',
  category: () => '占道经营',
};

function updated(change: string): AnyLiveEvent {
  const base = incidentEvent('1', '占道经营');
  if (base.type !== 'incident.created') throw new Error('fixture');
  return { ...base, type: 'incident.updated', payload: { ...base.payload, status: 'in_progress', change } };
}

describe('describeEvent', () => {
  const t = i18n.t.bind(i18n);

  it('says a status change in plain words', () => {
    expect(describeEvent(t, names, updated('in_progress'))).toBe('事件处置中 · 占道经营');
  });

  it('says a 督办 as the district supervising the department, not as its unchanged status', () => {
    const event = {
      id: '9',
      type: 'dispatch.updated',
      occurredAt: '2026-12-02T08:37:00Z',
      payload: {
        departmentId: 'dep1',
        status: 'pending',
        change: 'supervise',
        incident: { title: '占道经营' },
      },
    } as unknown as AnyLiveEvent;
    expect(describeEvent(t, names, event)).toBe('区指挥中心督办 城管局 · 占道经营');
  });

  it('keeps overdue flag changes off the feed (deadline.overdue announces them)', () => {
    expect(describeEvent(t, names, updated('overdue_cleared'))).toBeNull();
  });
});
