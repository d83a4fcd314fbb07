import { dispatchActionsFor, type DispatchAction, type DispatchView, type Role } from '@whistle/shared';

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
