import type { DispatchView, IncidentView, UserView } from '@whistle/shared';
import type { AnyLiveEvent } from '../live/types';

/**
 * What interrupts an operator: a new dispatch, an overdue deadline, a returned dispatch, a 督办
 * note from the district on one's own dispatch, and (the district desk's) a standing-register
 * incident whose review date has come.
 */
export const ALERT_KINDS = ['newDispatch', 'overdue', 'returned', 'supervised', 'standingReview'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * One alert, made from one live event. `key` names the occasion (a repeat overdue notice is a new
 * occasion, a replayed event is not), so the same occasion never rings twice.
 */
export type Alert =
  | { kind: 'newDispatch'; key: string; dispatchId: string; incidentId: string; dispatch: DispatchView }
  | { kind: 'returned'; key: string; dispatchId: string; incidentId: string; dispatch: DispatchView }
  | {
      kind: 'supervised';
      key: string;
      dispatchId: string;
      incidentId: string;
      dispatch: DispatchView;
      note: string;
    }
  /** About an incident, not a dispatch: no dispatch to open or mark fresh. */
  | { kind: 'standingReview'; key: string; dispatchId: null; incidentId: string; incident: IncidentView }
  | {
      kind: 'overdue';
      key: string;
      dispatchId: string;
      incidentId: string;
      event: Extract<AnyLiveEvent, { type: 'deadline.overdue' }>['payload'];
    };

export type AlertUser = Pick<UserView, 'id' | 'role' | 'departmentId' | 'streetId'>;

/** Whether the user is the one who does the work of the dispatch (its assignee). */
export function isAssignee(d: DispatchView, user: AlertUser): boolean {
  if (d.direction === 'dept_to_street')
    return user.role === 'street_operator' && d.streetId === user.streetId;
  if (d.assigneeKind === 'leader') return user.role === 'district_leader' && d.leaderUserId === user.id;
  return user.role === 'dept_officer' && d.departmentId === user.departmentId;
}

/** Whether the user raised the dispatch and gets it back (the street of a whistle, the department of a task). */
export function isRequester(d: DispatchView, user: AlertUser): boolean {
  if (d.direction === 'dept_to_street')
    // A task sent down by a department, or by the district command (no department).
    return d.departmentId === null
      ? user.role === 'district_operator'
      : user.role === 'dept_officer' && d.departmentId === user.departmentId;
  return user.role === 'street_operator' && d.streetId === user.streetId;
}

/**
 * Who is told of a missed deadline: whoever owes the stage, the street it happened in, and the
 * district command (which acts on overdue dispatches). Leaders are told of their own only.
 */
function caresAboutOverdue(
  e: Extract<AnyLiveEvent, { type: 'deadline.overdue' }>['payload'],
  user: AlertUser,
): boolean {
  switch (user.role) {
    case 'dept_officer':
      return e.departmentId !== null && e.departmentId === user.departmentId;
    case 'street_operator':
      return e.streetId === user.streetId;
    case 'district_leader':
      return e.leaderUserId === user.id;
    case 'district_operator':
      return true;
    case 'grid_worker':
    case 'admin':
      return false;
  }
}

/**
 * The alerts one batch of live events raises for one user:
 * - newDispatch: a dispatch created for the user to work on (a whistle to a department or a
 *   leader, a task sent down to a street) — not one the user sent;
 * - overdue: a deadline notice the user cares about (see caresAboutOverdue);
 * - returned: a dispatch handed back to the user — rejected/returned by its assignee (back to the
 *   requester), or reopened by its requester after a resolution that did not hold (back to the
 *   assignee);
 * - supervised: the district's 督办 note on a dispatch the user works on;
 * - standingReview: the review date of an incident on the standing register (挂账) has come — for
 *   the district command, which keeps the register (the server fires it once per review date).
 */
export function alertsFrom(events: readonly AnyLiveEvent[], user: AlertUser): Alert[] {
  const alerts: Alert[] = [];
  for (const event of events) {
    switch (event.type) {
      case 'dispatch.created': {
        const d = event.payload;
        if (isAssignee(d, user))
          alerts.push({
            kind: 'newDispatch',
            key: `new:${d.id}`,
            dispatchId: d.id,
            incidentId: d.incidentId,
            dispatch: d,
          });
        break;
      }
      case 'dispatch.updated': {
        const d = event.payload;
        const backToMe =
          (d.change === 'reject' && isRequester(d, user)) || (d.change === 'reopen' && isAssignee(d, user));
        if (backToMe)
          alerts.push({
            kind: 'returned',
            key: `returned:${d.id}:${event.id}`,
            dispatchId: d.id,
            incidentId: d.incidentId,
            dispatch: d,
          });
        if (d.change === 'supervise' && isAssignee(d, user))
          alerts.push({
            kind: 'supervised',
            key: `supervised:${d.id}:${event.id}`,
            dispatchId: d.id,
            incidentId: d.incidentId,
            dispatch: d,
            note: d.note ?? '',
          });
        break;
      }
      case 'incident.updated': {
        const incident = event.payload;
        if (incident.change === 'standing_review_due' && user.role === 'district_operator')
          alerts.push({
            kind: 'standingReview',
            // Once per review date: a later review date is a new occasion.
            key: `standing:${incident.id}:${incident.standing?.reviewOn ?? event.id}`,
            dispatchId: null,
            incidentId: incident.id,
            incident,
          });
        break;
      }
      case 'deadline.overdue': {
        const e = event.payload;
        if (caresAboutOverdue(e, user))
          alerts.push({
            kind: 'overdue',
            key: `overdue:${e.dispatchId}:${e.stage}:${e.notice}`,
            dispatchId: e.dispatchId,
            incidentId: e.incidentId,
            event: e,
          });
        break;
      }
      case 'incident.created':
      case 'whistle.created':
      case 'metrics.updated':
        break;
    }
  }
  return alerts;
}
