import { runningStage } from '@whistle/shared';
import type { RecordingTx } from '../events/event-log';
import { applyDispatchProgress } from '../incidents/incident-progress';
import type { IncidentParty } from '../incidents/incident-rooms';
import type { IncidentRow } from '../incidents/incident-row';
import { Dispatch } from './dispatch.entity';

/**
 * After an incident's dispatches change, hands the incidents module where they now stand: the
 * working dispatches' statuses, whether one is overdue, and every party with a dispatch. The
 * incident (row-locked by the caller) moves its status and records incident.updated if it did.
 */
export async function syncIncidentWithDispatches(
  tx: RecordingTx,
  incident: IncidentRow,
  actorId: string | null,
  /** Parties summoned in this same transaction (they hear of it through their own dispatch.created). */
  summonedNow: readonly IncidentParty[] = [],
): Promise<IncidentRow> {
  const dispatches = await tx.manager.find(Dispatch, {
    where: { incidentId: incident.id },
    select: {
      status: true,
      overdueNotices: true,
      assigneeKind: true,
      departmentId: true,
      leaderUserId: true,
    },
  });
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
