import type { Role } from '../domain/roles';
import type { DispatchDirection } from '../domain/vocabulary';
import { actionsFrom, findTransition, type Machine } from './state-machine';

export const DISPATCH_STATUSES = [
  'pending',
  'accepted',
  'arrived',
  'resolved',
  'verified',
  'rejected',
  'reopened',
  'cancelled',
] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

export const DISPATCH_ACTIONS = [
  'accept',
  'reject',
  'arrive',
  'resolve',
  'verify',
  'reopen',
  'cancel',
] as const;
export type DispatchAction = (typeof DISPATCH_ACTIONS)[number];

/**
 * The parties of a dispatch. The assignee does the work (the summoned department, the paired
 * district leader of a tough whistle, or the street for a task sent down); the requester raised
 * it and verifies it; oversight is the district command, which may cancel.
 */
export const DISPATCH_PARTIES = ['assignee', 'requester', 'oversight'] as const;
export type DispatchParty = (typeof DISPATCH_PARTIES)[number];

export const DISPATCH_MACHINE: Machine<DispatchStatus, DispatchAction, DispatchParty> = [
  { action: 'accept', from: ['pending'], to: 'accepted', by: ['assignee'] },
  { action: 'reject', from: ['pending'], to: 'rejected', by: ['assignee'] },
  { action: 'arrive', from: ['accepted', 'reopened'], to: 'arrived', by: ['assignee'] },
  { action: 'resolve', from: ['arrived', 'reopened'], to: 'resolved', by: ['assignee'] },
  { action: 'verify', from: ['resolved'], to: 'verified', by: ['requester'] },
  { action: 'reopen', from: ['resolved'], to: 'reopened', by: ['requester'] },
  {
    action: 'cancel',
    from: ['pending', 'accepted', 'arrived', 'reopened'],
    to: 'cancelled',
    by: ['requester', 'oversight'],
  },
];

/** Statuses in which a dispatch is finished and no timer runs. */
export const FINAL_DISPATCH_STATUSES: readonly DispatchStatus[] = ['verified', 'rejected', 'cancelled'];

export type DispatchAssigneeKind = 'department' | 'leader' | 'street';

/** Which role plays each party, given the dispatch's direction and who it was sent to. */
export function dispatchPartyRoles(
  direction: DispatchDirection,
  assigneeKind: DispatchAssigneeKind,
): Record<DispatchParty, readonly Role[]> {
  const oversight: readonly Role[] = ['district_operator', 'admin'];
  if (direction === 'dept_to_street') {
    // The requester of a task sent down is the department, or the district command (区→街道).
    return { assignee: ['street_operator'], requester: ['dept_officer', 'district_operator'], oversight };
  }
  return {
    assignee: assigneeKind === 'leader' ? ['district_leader'] : ['dept_officer'],
    requester: ['street_operator'],
    oversight,
  };
}

export function partiesOfRole(
  role: Role,
  direction: DispatchDirection,
  assigneeKind: DispatchAssigneeKind,
): DispatchParty[] {
  const roles = dispatchPartyRoles(direction, assigneeKind);
  return DISPATCH_PARTIES.filter((party) => roles[party].includes(role));
}

/** The actions a user of `role` may take on a dispatch in `status` (before scope checks). */
export function dispatchActionsFor(
  status: DispatchStatus,
  role: Role,
  direction: DispatchDirection,
  assigneeKind: DispatchAssigneeKind,
): DispatchAction[] {
  return actionsFrom(DISPATCH_MACHINE, status, partiesOfRole(role, direction, assigneeKind));
}

export function nextDispatchStatus(
  status: DispatchStatus,
  action: DispatchAction,
): DispatchStatus | undefined {
  return findTransition(DISPATCH_MACHINE, status, action)?.to;
}
