import type { DispatchView, IncidentView } from '@whistle/shared';
import { describeAlert } from './alert-message';
import type { AnyLiveEvent } from '../live/types';
import { alertsFrom, type AlertUser } from './alert-rules';

const dispatch = (patch: Partial<DispatchView>): DispatchView =>
  ({
    id: 'd1',
    incidentId: 'i1',
    direction: 'street_to_dept',
    assigneeKind: 'department',
    departmentId: 'dep1',
    leaderUserId: null,
    streetId: 's1',
    status: 'pending',
    incident: { id: 'i1', title: '燃气泄漏' },
    ...patch,
  }) as DispatchView;

const created = (d: DispatchView, id = '1'): AnyLiveEvent => ({
  id,
  type: 'dispatch.created',
  occurredAt: '',
  payload: d,
});
const updated = (d: DispatchView, change: string, id = '2'): AnyLiveEvent => ({
  id,
  type: 'dispatch.updated',
  occurredAt: '',
  payload: { ...d, change },
});
const overdue = (patch: Record<string, unknown>, id = '3'): AnyLiveEvent =>
  ({
    id,
    type: 'deadline.overdue',
    occurredAt: '',
    payload: {
      dispatchId: 'd1',
      incidentId: 'i1',
      departmentId: 'dep1',
      leaderUserId: null,
      streetId: 's1',
      stage: 'accept',
      notice: 1,
      ...patch,
    },
  }) as AnyLiveEvent;

const officer: AlertUser = { id: 'u1', role: 'dept_officer', departmentId: 'dep1', streetId: null };
const street: AlertUser = { id: 'u2', role: 'street_operator', departmentId: null, streetId: 's1' };
const leader: AlertUser = { id: 'u3', role: 'district_leader', departmentId: null, streetId: null };
const desk: AlertUser = { id: 'u4', role: 'district_operator', departmentId: null, streetId: null };
const kinds = (events: AnyLiveEvent[], user: AlertUser) => alertsFrom(events, user).map((a) => a.kind);

describe('alert rules', () => {
  it('ring a new dispatch for whoever must work on it, never for the one who sent it', () => {
    expect(kinds([created(dispatch({}))], officer)).toEqual(['newDispatch']);
    expect(kinds([created(dispatch({ departmentId: 'dep2' }))], officer)).toEqual([]);
    // The street blew the whistle: its own dispatches do not ring there.
    expect(kinds([created(dispatch({}))], street)).toEqual([]);
    // A task sent down rings at the street, not at the department that sent it.
    const task = dispatch({ direction: 'dept_to_street' });
    expect(kinds([created(task)], street)).toEqual(['newDispatch']);
    expect(kinds([created(task)], officer)).toEqual([]);
    const tough = dispatch({ assigneeKind: 'leader', departmentId: null, leaderUserId: 'u3' });
    expect(kinds([created(tough)], leader)).toEqual(['newDispatch']);
    expect(kinds([created({ ...tough, leaderUserId: 'other' })], leader)).toEqual([]);
  });

  it('ring a returned dispatch for the side it came back to', () => {
    // The department returns a whistle's dispatch: the street hears of it.
    expect(kinds([updated(dispatch({ status: 'rejected' }), 'reject')], street)).toEqual(['returned']);
    expect(kinds([updated(dispatch({ status: 'rejected' }), 'reject')], officer)).toEqual([]);
    // The street returns a task sent down: the department hears of it.
    const task = dispatch({ direction: 'dept_to_street', status: 'rejected' });
    expect(kinds([updated(task, 'reject')], officer)).toEqual(['returned']);
    expect(kinds([updated(task, 'reject')], street)).toEqual([]);
    // The street reopens a resolution: back to the department for rework.
    expect(kinds([updated(dispatch({ status: 'reopened' }), 'reopen')], officer)).toEqual(['returned']);
    // Other changes do not ring.
    expect(kinds([updated(dispatch({ status: 'accepted' }), 'accept')], street)).toEqual([]);
  });

  it('ring an overdue deadline for the department that owes it and the street it is in', () => {
    expect(kinds([overdue({})], officer)).toEqual(['overdue']);
    expect(kinds([overdue({ departmentId: 'dep2' })], officer)).toEqual([]);
    expect(kinds([overdue({ departmentId: 'dep2' })], street)).toEqual(['overdue']);
    expect(kinds([overdue({ streetId: 's2' })], street)).toEqual([]);
    expect(kinds([overdue({ leaderUserId: 'u3', departmentId: null })], leader)).toEqual(['overdue']);
  });

  it('name each occasion once: a repeated notice is new, a replayed event is the same', () => {
    const [first] = alertsFrom([overdue({ notice: 1 })], officer);
    const [again] = alertsFrom([overdue({ notice: 1 }, '9')], officer);
    const [second] = alertsFrom([overdue({ notice: 2 })], officer);
    expect(again?.key).toBe(first?.key);
    expect(second?.key).not.toBe(first?.key);
    const [n1] = alertsFrom([created(dispatch({}), '1')], officer);
    const [n2] = alertsFrom([created(dispatch({}), '5')], officer);
    expect(n1?.key).toBe(n2?.key);
  });

  it('ring a 督办 note from the district for whoever works on the dispatch, with the note', () => {
    const note = (d: DispatchView, id = '7'): AnyLiveEvent => ({
      id,
      type: 'dispatch.updated',
      occurredAt: '',
      payload: { ...d, change: 'supervise', note: '请今日内处置完毕' },
    });
    const alerts = alertsFrom([note(dispatch({ status: 'accepted' }))], officer);
    expect(alerts.map((a) => a.kind)).toEqual(['supervised']);
    expect(alerts[0]?.kind === 'supervised' && alerts[0].note).toBe('请今日内处置完毕');
    expect(alerts[0]?.dispatchId).toBe('d1');
    // Another department's dispatch, the street that blew the whistle and the district do not hear it.
    expect(kinds([note(dispatch({ departmentId: 'dep2' }))], officer)).toEqual([]);
    expect(kinds([note(dispatch({}))], street)).toEqual([]);
    expect(kinds([note(dispatch({}))], desk)).toEqual([]);
    // A leader summoned by a 攻坚哨 hears of a 督办 on their own summons.
    const tough = dispatch({ assigneeKind: 'leader', departmentId: null, leaderUserId: 'u3' });
    expect(kinds([note(tough)], leader)).toEqual(['supervised']);
    // A second 督办 on the same dispatch is a new occasion; the same event replayed is not.
    const [a] = alertsFrom([note(dispatch({}), '7')], officer);
    const [b] = alertsFrom([note(dispatch({}), '8')], officer);
    const [c] = alertsFrom([note(dispatch({}), '7')], officer);
    expect(a?.key).not.toBe(b?.key);
    expect(a?.key).toBe(c?.key);
    // Other changes carrying no 督办 stay quiet.
    expect(kinds([updated(dispatch({ status: 'accepted' }), 'reassign')], officer)).toEqual([]);
  });

  it('ring a standing-register review reminder at the district desk only, once per review date', () => {
    const incident = {
      id: 'i9',
      title: '历史遗留违建',
      streetId: 's1',
      standing: { reason: '待司法判决', reviewOn: '2026-12-06', since: '' },
    } as unknown as IncidentView;
    const reminder = (reviewOn: string, id = '11', change = 'standing_review_due'): AnyLiveEvent => ({
      id,
      type: 'incident.updated',
      occurredAt: '',
      payload: { ...incident, standing: { ...incident.standing!, reviewOn }, change },
    });
    const alerts = alertsFrom([reminder('2026-12-06')], desk);
    expect(alerts.map((a) => a.kind)).toEqual(['standingReview']);
    expect(alerts[0]?.dispatchId).toBeNull();
    expect(alerts[0]?.incidentId).toBe('i9');
    for (const user of [officer, street, leader]) expect(kinds([reminder('2026-12-06')], user)).toEqual([]);
    // Other incident changes do not ring.
    expect(kinds([reminder('2026-12-06', '12', 'standing')], desk)).toEqual([]);
    const [first] = alertsFrom([reminder('2026-12-06', '11')], desk);
    const [replayed] = alertsFrom([reminder('2026-12-06', '15')], desk);
    const [next] = alertsFrom([reminder('2027-01-06', '16')], desk);
    expect(replayed?.key).toBe(first?.key);
    expect(next?.key).not.toBe(first?.key);
  });

  it('word the new kinds for the notification', () => {
    const t = ((key: string, values?: Record<string, string>) =>
      `${key}${values ? JSON.stringify(values) : ''}`) as never;
    const names = { street: (id: string) => `街道${id}` } as never;
    const supervised = alertsFrom(
      [
        {
          id: '7',
          type: 'dispatch.updated',
          occurredAt: '',
          payload: { ...dispatch({}), change: 'supervise', note: '抓紧' },
        },
      ],
      officer,
    )[0];
    const message = describeAlert(t, names, supervised);
    expect(message.title).toContain('ops.alerts.title.supervised');
    expect(message.title).toContain('燃气泄漏');
    expect(message.body).toBe('抓紧');
  });
});
