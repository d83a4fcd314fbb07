import {
  incidentActionsFor,
  INCIDENT_MACHINE,
  WHISTLEABLE_INCIDENT_STATUSES,
  type IncidentAction,
  type IncidentView,
  type Role,
} from '@whistle/shared';

/** Manual incident actions (立案, 不予立案, 合并, 结案); `progress` belongs to the system. */
export function incidentActions(incident: IncidentView, role: Role): Exclude<IncidentAction, 'progress'>[] {
  const actions = incident.actions ?? incidentActionsFor(incident.status, role);
  return actions.filter((a): a is Exclude<IncidentAction, 'progress'> => a !== 'progress');
}

/**
 * Whether the whistle button shows: the incident must be in a whistleable state (shared), and the
 * user must be one of those who triage incidents in the incident machine — the same roles the
 * whistle route admits (street, district command, admin).
 */
export function mayBlowWhistle(incident: Pick<IncidentView, 'status'>, role: Role): boolean {
  const triages = INCIDENT_MACHINE.some((t) => t.action === 'register' && t.by.includes(role));
  return triages && WHISTLEABLE_INCIDENT_STATUSES.includes(incident.status);
}
