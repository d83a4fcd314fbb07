import type { DispatchView } from '@whistle/shared';
import { countTabs, inTab, tabsOf } from './inbox';

const NOW = Date.parse('2026-01-01T01:00:00Z');

function d(patch: Partial<DispatchView>): DispatchView {
  return {
    id: 'x',
    direction: 'street_to_dept',
    status: 'pending',
    acceptBy: '2026-01-01T02:00:00Z',
    arriveBy: '2026-01-01T03:00:00Z',
    resolveBy: '2026-01-02T00:00:00Z',
    overdueStages: [],
    ...patch,
  } as DispatchView;
}

describe('inbox tabs', () => {
  it('files dispatches by where they stand', () => {
    expect(tabsOf(d({ status: 'pending' }), NOW)).toEqual(['new', 'history']);
    expect(tabsOf(d({ status: 'arrived' }), NOW)).toEqual(['active', 'history']);
    expect(tabsOf(d({ status: 'verified' }), NOW)).toEqual(['done', 'history']);
    expect(tabsOf(d({ status: 'rejected' }), NOW)).toEqual(['history']);
    expect(tabsOf(d({ direction: 'dept_to_street' }), NOW)).toEqual(['sent', 'history']);
  });

  it('counts a running stage past its deadline as overdue, before the server says so', () => {
    expect(tabsOf(d({ status: 'pending', acceptBy: '2026-01-01T00:59:00Z' }), NOW)).toEqual([
      'new',
      'overdue',
      'history',
    ]);
    expect(tabsOf(d({ status: 'accepted', overdueStages: ['arrive'] }), NOW)).toContain('overdue');
    // A missed accept stage no longer counts once the dispatch is on to the next one in time.
    expect(tabsOf(d({ status: 'accepted', overdueStages: ['accept'] }), NOW)).not.toContain('overdue');
  });

  it('counts every tab', () => {
    const items = [d({ id: 'a' }), d({ id: 'b', status: 'accepted' }), d({ id: 'c', status: 'resolved' })];
    expect(countTabs(items, NOW)).toEqual({ new: 1, active: 1, overdue: 0, done: 1, sent: 0, history: 3 });
    expect(inTab(items, 'active', NOW).map((x) => x.id)).toEqual(['b']);
  });
});
