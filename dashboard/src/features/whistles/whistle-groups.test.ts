import type { DispatchView } from '@whistle/shared';
import { RunningDispatches } from '../dispatches/running-dispatches';
import { groupByWhistle, takeWhatFits } from './whistle-groups';

const NOW = Date.parse('2026-01-01T12:00:00.000Z');
const later = new Date(NOW + 3_600_000).toISOString();

function dispatch(id: string, whistleId: string | null, patch: Partial<DispatchView> = {}): DispatchView {
  return {
    id,
    whistleId,
    incidentId: 'i1',
    direction: 'street_to_dept',
    assigneeKind: 'department',
    departmentId: `dept-${id}`,
    leaderUserId: null,
    streetId: 's1',
    whistleType: 'enforcement',
    status: 'pending',
    acceptBy: later,
    arriveBy: later,
    resolveBy: later,
    acceptedAt: null,
    arrivedAt: null,
    resolvedAt: null,
    verifiedAt: null,
    overdueStages: [],
    overdueNotices: 0,
    lastOverdueAt: null,
    rejectReason: null,
    resolutionNote: null,
    arrivalLocation: null,
    createdAt: '2026-01-01T11:00:00.000Z',
    updatedAt: '2026-01-01T11:00:00.000Z',
    incident: {
      id: 'i1',
      title: 't',
      category: 'noise',
      priority: 'normal',
      location: { lng: 0, lat: 0 },
      streetId: 's1',
      gridId: 'g1',
    },
    ...patch,
  };
}

describe('whistle groups on the wall', () => {
  it('groups by whistle, overdue whistles first, then the newest', () => {
    const groups = groupByWhistle(
      [
        dispatch('a', 'w-old', { createdAt: '2026-01-01T09:00:00.000Z' }),
        dispatch('b', 'w-new', { createdAt: '2026-01-01T11:30:00.000Z' }),
        dispatch('c', 'w-late', { createdAt: '2026-01-01T08:00:00.000Z', overdueStages: ['accept'] }),
        dispatch('d', 'w-new', { createdAt: '2026-01-01T11:30:00.000Z' }),
        dispatch('task', null),
      ],
      NOW,
    );
    expect(groups.map((g) => [g.whistleId, g.dispatches.length])).toEqual([
      ['w-late', 1],
      ['w-new', 2],
      ['w-old', 1],
    ]);
  });

  it('shows only whole whistles that fit and counts the rest', () => {
    const groups = groupByWhistle(
      ['w1', 'w2', 'w3'].flatMap((w) => [dispatch(`${w}a`, w), dispatch(`${w}b`, w)]),
      NOW,
    );
    const { shown, hidden } = takeWhatFits(groups, 7); // 3 rows per whistle
    expect(shown).toHaveLength(2);
    expect(hidden).toBe(1);
  });

  it('keeps running dispatches only, and at most `limit` of them', () => {
    const store = new RunningDispatches(2);
    store.apply(dispatch('a', 'w'));
    store.apply(dispatch('b', 'w'));
    store.apply(dispatch('c', 'w'));
    expect(store.list().map((d) => d.id)).toEqual(['b', 'c']);
    store.apply(dispatch('b', 'w', { status: 'resolved' }));
    store.apply(dispatch('t', null));
    expect(store.list().map((d) => d.id)).toEqual(['c']);
  });
});
