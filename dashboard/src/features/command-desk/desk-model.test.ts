import {
  canEscalate,
  canReassign,
  deskIncidentQuery,
  deskQuery,
  isDistrictTask,
  toughSuggestions,
} from './desk-model';
import { dispatchView, type DispatchPatch } from '../../test/factories';

const d = (patch: DispatchPatch) => dispatchView({ id: 'x', status: 'accepted', ...patch });

describe('the desk’s suggested tough whistles', () => {
  it('suggests one per incident whose departments missed a second stage, naming each late department once', () => {
    const rows = [
      d({ id: 'a', departmentId: 'dep1', overdueStages: ['accept', 'arrive'] }),
      d({ id: 'b', departmentId: 'dep2', overdueStages: ['accept', 'arrive'] }),
      d({ id: 'c', departmentId: 'dep3', overdueStages: ['accept'] }),
      d({ id: 'e', incidentId: 'i2', departmentId: 'dep1', overdueStages: ['accept'] }),
    ];
    expect(toughSuggestions(rows)).toEqual([
      {
        incidentId: 'i1',
        title: '占道经营',
        streetId: 's1',
        departmentIds: ['dep1', 'dep2'],
        dispatchIds: ['a', 'b'],
      },
    ]);
  });

  it('suggests nothing once a tough whistle is on the incident, or for finished or tough dispatches', () => {
    const late = d({ id: 'a', overdueStages: ['accept', 'arrive'] });
    expect(toughSuggestions([late, d({ id: 't', whistleType: 'tough', status: 'pending' })])).toEqual([]);
    expect(toughSuggestions([{ ...late, status: 'resolved' }])).toEqual([]);
    expect(toughSuggestions([{ ...late, whistleType: 'tough' }])).toEqual([]);
  });
});

describe('what the desk may do to a dispatch', () => {
  it('escalates only a late department dispatch that still runs', () => {
    expect(canEscalate(d({ overdueStages: ['accept'] }))).toBe(true);
    expect(canEscalate(d({ overdueStages: [] }))).toBe(false);
    expect(canEscalate(d({ overdueStages: ['accept'], status: 'verified' }))).toBe(false);
    expect(canEscalate(d({ overdueStages: ['accept'], whistleType: 'tough' }))).toBe(false);
  });

  it('reassigns a department’s cancellable dispatch, not a leader’s or a task', () => {
    expect(canReassign(d({ status: 'pending' }))).toBe(true);
    expect(canReassign(d({ status: 'resolved' }))).toBe(false);
    expect(canReassign(d({ assigneeKind: 'leader', departmentId: null }))).toBe(false);
    expect(canReassign(d({ direction: 'dept_to_street', assigneeKind: 'street' }))).toBe(false);
  });

  it('tells the district’s own tasks from a department’s', () => {
    expect(isDistrictTask(d({ direction: 'dept_to_street', departmentId: null }))).toBe(true);
    expect(isDistrictTask(d({ direction: 'dept_to_street', departmentId: 'dep1' }))).toBe(false);
  });

  it('asks the API for open dispatches overdue first, with the chosen filters', () => {
    expect(deskQuery({ streetId: '', status: '', overdue: 'all' })).toEqual({
      sort: 'overdue_first',
      limit: 500,
      status: 'pending,accepted,arrived,reopened,resolved',
    });
    expect(deskQuery({ streetId: 's1', status: 'pending', overdue: 'on_time' })).toMatchObject({
      streetId: 's1',
      status: 'pending',
      overdue: false,
    });
  });

  it('asks the API for every street’s open incidents overdue first, with the chosen filters', () => {
    expect(deskIncidentQuery({ streetId: '', status: '', overdue: 'all' })).toEqual({
      sort: 'overdue_first',
      limit: 500,
      status: 'reported,registered,dispatched,in_progress,resolved,reopened',
    });
    expect(deskIncidentQuery({ streetId: 's2', status: 'registered', overdue: 'overdue' })).toMatchObject({
      streetId: 's2',
      status: 'registered',
      overdue: true,
    });
  });
});
