import {
  dispatchActionsFor,
  incidentActionsFor,
  INCIDENT_MACHINE,
  WHISTLEABLE_INCIDENT_STATUSES,
  type DispatchAction,
  type DispatchView,
  type IncidentAction,
  type IncidentView,
  type Role,
} from '@whistle/shared';

/**
 * The buttons a user sees for a dispatch: the server's `actions` when it sent them (they include
 * the scope checks), else the shared state machine for the user's role — never a hand-written list.
 */
export function dispatchActions(dispatch: DispatchView, role: Role): DispatchAction[] {
  return (
    dispatch.actions ?? dispatchActionsFor(dispatch.status, role, dispatch.direction, dispatch.assigneeKind)
  );
}

/**
 * A street may return (reject) a task sent down only when its category is not on the street's
 * admission list (准入清单); the server answers 409 otherwise, so the button is not offered.
 * Until the list has loaded the return is held back rather than offered and refused.
 */
export function taskActions(
  task: DispatchView,
  role: Role,
  admission: readonly string[] | undefined,
): DispatchAction[] {
  const actions = dispatchActions(task, role);
  if (task.direction !== 'dept_to_street') return actions;
  const mayReturn = admission !== undefined && !admission.includes(task.incident.category);
  return actions.filter((a) => a !== 'reject' || mayReturn);
}

/** Manual incident actions (立案, 不予立案, 合并, 结案); `progress` belongs to the system. */
export function incidentActions(incident: IncidentView, role: Role): Exclude<IncidentAction, 'progress'>[] {
  const actions = incident.actions ?? incidentActionsFor(incident.status, role);
  return actions.filter((a): a is Exclude<IncidentAction, 'progress'> => a !== 'progress');
}

/** Actions that open a dialog for a reason, note or rating before they are sent. */
export const DIALOG_ACTIONS: readonly DispatchAction[] = ['reject', 'resolve', 'verify', 'reopen', 'cancel'];

/**
 * Whether the whistle button shows: the incident must be in a whistleable state (shared), and the
 * user must be one of those who triage incidents in the incident machine — the same roles the
 * whistle route admits (street, district command, admin).
 */
export function mayBlowWhistle(incident: Pick<IncidentView, 'status'>, role: Role): boolean {
  const triages = INCIDENT_MACHINE.some((t) => t.action === 'register' && t.by.includes(role));
  return triages && WHISTLEABLE_INCIDENT_STATUSES.includes(incident.status);
}
