import {
  DISPATCH_DRIVEN_STATUSES,
  deriveIncidentStatus,
  type DispatchStatus,
  type IncidentStatus,
} from '@whistle/shared';
import type { SqlParam } from '../database/deferred-write';
import type { RecordingTx } from '../events/event-log';
import { Incident } from './incident.entity';
import { incidentRoomsOf, type IncidentParty } from './incident-rooms';
import { toIncidentView } from './incident-view';

/** Where an incident's dispatches stand, as the dispatches module reads them. */
export interface DispatchProgress {
  /** The statuses of the dispatches that do the work (departments' and streets', not leaders'). */
  workingStatuses: readonly DispatchStatus[];
  /** Whether any of those is past a stage deadline it has not yet met. */
  overdue: boolean;
  /** Every department and leader with a dispatch on the incident. */
  parties: readonly IncidentParty[];
  /**
   * Parties summoned in this same transaction: each already hears of the incident through its own
   * dispatch.created, so the incident update is not sent to them a second time.
   */
  summonedNow: readonly IncidentParty[];
}

/**
 * Brings an incident (row-locked by the caller) in line with its dispatches: its status (the state
 * machine's `progress` transitions), overdue flag and parties; records incident.updated when its
 * status or overdue flag moved. Leaders' dispatches (双报到) do not drive the incident.
 */
export function applyDispatchProgress(
  tx: RecordingTx,
  incident: Incident,
  progress: DispatchProgress,
  actorId: string | null,
): Incident {
  const drivable = (DISPATCH_DRIVEN_STATUSES as readonly IncidentStatus[]).includes(incident.status);
  const status = drivable ? deriveIncidentStatus(progress.workingStatuses) : incident.status;
  const departments = distinct(progress.parties.map((p) => p.departmentId));
  const leaders = distinct(progress.parties.map((p) => p.leaderUserId));
  const partiesMoved =
    !sameMembers(departments, incident.partyDepartmentIds) || !sameMembers(leaders, incident.partyLeaderIds);
  const visibleChange = status !== incident.status || progress.overdue !== incident.overdue;
  if (!visibleChange && !partiesMoved) return incident;
  const change = status !== incident.status ? status : progress.overdue ? 'overdue' : 'overdue_cleared';
  incident.status = status;
  incident.overdue = progress.overdue;
  incident.partyDepartmentIds = departments;
  incident.partyLeaderIds = leaders;
  incident.updatedAt = new Date();
  // Nothing in the transaction reads the incident row again: the update rides with its events.
  tx.write(`incidents:${incident.id}`, (param) => progressUpdate(incident, param));
  if (!visibleChange) return incident;
  tx.record({
    type: 'incident.updated',
    change,
    actorId,
    incidentId: incident.id,
    rooms: incidentRoomsOf(incident, progress.summonedNow),
    payload: { ...toIncidentView(incident), change },
  });
  return incident;
}

function progressUpdate(incident: Incident, param: SqlParam): string {
  return `UPDATE incidents SET status = ${param(incident.status)}, overdue = ${param(incident.overdue)},
      party_department_ids = ${param(incident.partyDepartmentIds)}::uuid[],
      party_leader_ids = ${param(incident.partyLeaderIds)}::uuid[], updated_at = ${param(incident.updatedAt)}
    WHERE id = ${param(incident.id)}`;
}

function distinct(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}
