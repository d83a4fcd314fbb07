import { RunningDispatches } from '../dispatches/running-dispatches';
import { groupByWhistle, takeWhatFits } from './whistle-groups';
import { dispatchView, type DispatchPatch } from '../../test/factories';

const NOW = Date.parse('2026-01-01T12:00:00.000Z');
const later = new Date(NOW + 3_600_000).toISOString();

const dispatch = (id: string, whistleId: string | null, patch: DispatchPatch = {}) =>
  dispatchView({
    id,
    whistleId,
    departmentId: `dept-${id}`,
    acceptBy: later,
    arriveBy: later,
    resolveBy: later,
    createdAt: '2026-01-01T11:00:00.000Z',
    updatedAt: '2026-01-01T11:00:00.000Z',
    ...patch,
  });

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
