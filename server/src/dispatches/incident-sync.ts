import { runningStage, type DispatchAssigneeKind, type DispatchStatus } from '@whistle/shared';
import type { RecordingTx } from '../events/event-log';
import { applyDispatchProgress } from '../incidents/incident-progress';
import type { IncidentParty } from '../incidents/incident-rooms';
import type { IncidentRow } from '../incidents/incident-row';
import type { Dispatch } from './dispatch.entity';

type DispatchStanding = IncidentParty & {
  id: string;
  status: DispatchStatus;
  overdueNotices: number;
  assigneeKind: DispatchAssigneeKind;
};

export interface SyncContext {
  /**
   * Dispatches this transaction opened or changed with a deferred write (openDispatches(),
   * rowUpdate()): the table holds their state only from the flush, so these stand in for it.
   */
  current?: readonly Dispatch[];
  /** Parties summoned in this same transaction (they hear of it through their own dispatch.created). */
  summonedNow?: readonly IncidentParty[];
}

/**
 * After an incident's dispatches change, hands the incidents module where they now stand: the
 * working dispatches' statuses, whether one is overdue, and every party with a dispatch. The
 * incident (row-locked by the caller) moves its status and records incident.updated if it did.
 */
export async function syncIncidentWithDispatches(
  tx: RecordingTx,
  incident: IncidentRow,
  actorId: string | null,
  { current = [], summonedNow = [] }: SyncContext = {},
): Promise<IncidentRow> {
  const stored = await tx.manager.query<DispatchStanding[]>(
    `SELECT id, status, overdue_notices AS "overdueNotices", assignee_kind AS "assigneeKind",
            department_id AS "departmentId", leader_user_id AS "leaderUserId"
       FROM dispatches WHERE incident_id = $1`,
    [incident.id],
  );
  const fresh = new Set(current.map((d) => d.id));
  const dispatches: readonly DispatchStanding[] = [...stored.filter((d) => !fresh.has(d.id)), ...current];
  const working = dispatches.filter((d) => d.assigneeKind !== 'leader');
  return applyDispatchProgress(
    tx,
    incident,
    {
      workingStatuses: working.map((d) => d.status),
      overdue: working.some((d) => runningStage(d.status) !== null && d.overdueNotices > 0),
      parties: dispatches,
      summonedNow,
    },
    actorId,
  );
}
