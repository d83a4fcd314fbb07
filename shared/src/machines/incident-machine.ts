import type { Role } from '../domain/roles';
import { actionsFrom, findTransition, type Machine } from './state-machine';
import type { DispatchStatus } from './dispatch-machine';

export const INCIDENT_STATUSES = [
  'reported',
  'registered',
  'dispatched',
  'in_progress',
  'resolved',
  'verified',
  'closed',
  'rejected',
  'merged',
  'reopened',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * Manual actions are fired by people; `progress` is fired by the system when the incident's
 * dispatches move (see deriveIncidentStatus).
 */
export const INCIDENT_ACTIONS = ['register', 'reject', 'merge', 'close', 'progress'] as const;
export type IncidentAction = (typeof INCIDENT_ACTIONS)[number];

export type IncidentActor = Role | 'system';

const TRIAGE: readonly IncidentActor[] = ['street_operator', 'district_operator', 'admin'];
/** States in which the incident's dispatches drive its status. */
export const DISPATCH_DRIVEN_STATUSES = [
  'registered',
  'dispatched',
  'in_progress',
  'resolved',
  'verified',
  'reopened',
] as const satisfies readonly IncidentStatus[];

export const INCIDENT_MACHINE: Machine<IncidentStatus, IncidentAction, IncidentActor> = [
  { action: 'register', from: ['reported'], to: 'registered', by: TRIAGE },
  { action: 'reject', from: ['reported'], to: 'rejected', by: TRIAGE },
  { action: 'merge', from: ['reported', 'registered'], to: 'merged', by: TRIAGE },
  { action: 'close', from: ['verified'], to: 'closed', by: TRIAGE },
];

/** Statuses an incident counts as open in (on the map, in the KPIs). */
export const OPEN_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'reported',
  'registered',
  'dispatched',
  'in_progress',
  'resolved',
  'reopened',
];

/** Statuses from which a whistle may be blown on the incident. */
export const WHISTLEABLE_INCIDENT_STATUSES: readonly IncidentStatus[] = [
  'registered',
  'dispatched',
  'in_progress',
  'reopened',
];

export function incidentActionsFor(status: IncidentStatus, role: Role): IncidentAction[] {
  return actionsFrom(INCIDENT_MACHINE, status, [role]);
}

export function nextIncidentStatus(
  status: IncidentStatus,
  action: IncidentAction,
): IncidentStatus | undefined {
  return findTransition(INCIDENT_MACHINE, status, action)?.to;
}

/**
 * The status an incident in a dispatch-driven state takes from its departments' dispatches.
 * Rejected and cancelled dispatches do not count: when none is left, the incident is back in the
 * street's hands as `registered`, ready for another whistle.
 */
export function deriveIncidentStatus(dispatchStatuses: readonly DispatchStatus[]): IncidentStatus {
  const live = dispatchStatuses.filter((s) => s !== 'rejected' && s !== 'cancelled');
  if (live.length === 0) return 'registered';
  if (live.includes('reopened')) return 'reopened';
  if (live.every((s) => s === 'verified')) return 'verified';
  if (live.every((s) => s === 'resolved' || s === 'verified')) return 'resolved';
  if (live.some((s) => s !== 'pending')) return 'in_progress';
  return 'dispatched';
}
