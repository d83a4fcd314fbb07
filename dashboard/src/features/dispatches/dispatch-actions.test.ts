import type { DispatchView } from '@whistle/shared';
import { dispatchActions, taskActions } from './dispatch-actions';

function dispatch(patch: Partial<DispatchView> = {}): DispatchView {
  return {
    id: 'd1',
    whistleId: 'w1',
    incidentId: 'i1',
    direction: 'street_to_dept',
    assigneeKind: 'department',
    departmentId: 'dep1',
    leaderUserId: null,
    streetId: 's1',
    whistleType: 'enforcement',
    status: 'pending',
    acceptBy: '2026-01-01T00:30:00Z',
    arriveBy: '2026-01-01T02:00:00Z',
    resolveBy: '2026-01-04T00:00:00Z',
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
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    incident: {
      id: 'i1',
      title: '占道经营',
      category: 'street_vending',
      priority: 'normal',
      location: { lng: 118.79, lat: 32.02 },
      streetId: 's1',
      gridId: 'g1',
    },
    ...patch,
  };
}

describe('dispatch actions come from the shared state machine', () => {
  it.each<[DispatchView['status'], string[]]>([
    ['pending', ['accept', 'reject']],
    ['accepted', ['arrive']],
    ['arrived', ['resolve']],
    ['reopened', ['arrive', 'resolve']],
    ['resolved', []],
    ['verified', []],
  ])('a duty officer on a %s dispatch gets %j', (status, expected) => {
    expect(dispatchActions(dispatch({ status }), 'dept_officer')).toEqual(expected);
  });

  it('gives the street verify, reopen and cancel as the requester', () => {
    expect(dispatchActions(dispatch({ status: 'resolved' }), 'street_operator')).toEqual([
      'verify',
      'reopen',
    ]);
    expect(dispatchActions(dispatch({ status: 'accepted' }), 'street_operator')).toEqual(['cancel']);
  });

  it('prefers the server’s scope-checked actions when it sent them', () => {
    expect(dispatchActions(dispatch({ status: 'pending', actions: [] }), 'dept_officer')).toEqual([]);
  });
});

describe('tasks sent down to a street', () => {
  const task = dispatch({ direction: 'dept_to_street', assigneeKind: 'street', status: 'pending' });

  it('offers return only when the category is off the admission list', () => {
    expect(taskActions(task, 'street_operator', ['sanitation'])).toEqual(['accept', 'reject']);
    expect(taskActions(task, 'street_operator', ['street_vending', 'sanitation'])).toEqual(['accept']);
  });

  it('holds the return back until the admission list has loaded', () => {
    expect(taskActions(task, 'street_operator', undefined)).toEqual(['accept']);
  });

  it('leaves the department that sent it only its requester actions', () => {
    expect(taskActions(task, 'dept_officer', [])).toEqual(['cancel']);
  });
});
