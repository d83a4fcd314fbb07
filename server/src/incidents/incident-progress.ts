import {
  DISPATCH_DRIVEN_STATUSES,
  deriveIncidentStatus,
  runningStage,
  type IncidentStatus,
} from '@whistle/shared';
import { persist } from '../common/persist';
import { Dispatch } from '../dispatches/dispatch.entity';
import type { RecordingTx } from '../events/event-log';
import { Incident } from './incident.entity';
import { incidentRoomsOf } from './incident-rooms';
import { toIncidentView } from './incident-view';

/**
 * After its dispatches change, brings the incident's status and overdue flag in line with them
 * (the state machine's `progress` transitions) and records incident.updated if anything moved.
 * Leaders' dispatches (双报到) do not drive the incident: the departments do the work.
 */
export async function syncIncidentWithDispatches(
  tx: RecordingTx,
  /** The incident, already row-locked in this transaction by the caller, or its id to lock here. */
  incidentOrId: Incident | string,
  actorId: string | null,
  /**
   * Parties summoned in this same transaction: each already hears of the incident through its own
   * dispatch.created, so the incident update is not sent to them a second time.
   */
  summonedNow: readonly Pick<Dispatch, 'departmentId' | 'leaderUserId'>[] = [],
): Promise<Incident> {
  const incident =
    typeof incidentOrId === 'string'
      ? await tx.manager.findOneOrFail(Incident, {
          where: { id: incidentOrId },
          lock: { mode: 'pessimistic_write' },
        })
      : incidentOrId;
  const incidentId = incident.id;
  const dispatches = await tx.manager.find(Dispatch, {
    where: { incidentId },
    select: {
      status: true,
      overdueNotices: true,
      assigneeKind: true,
      departmentId: true,
      leaderUserId: true,
    },
  });
  const working = dispatches.filter((d) => d.assigneeKind !== 'leader');
  const drivable = (DISPATCH_DRIVEN_STATUSES as readonly IncidentStatus[]).includes(incident.status);
  const status = drivable ? deriveIncidentStatus(working.map((d) => d.status)) : incident.status;
  const overdue = working.some((d) => runningStage(d.status) !== null && d.overdueNotices > 0);
  if (status === incident.status && overdue === incident.overdue) return incident;
  const change = status !== incident.status ? status : overdue ? 'overdue' : 'overdue_cleared';
  incident.status = status;
  incident.overdue = overdue;
  await persist(tx.manager, Incident, incident);
  tx.record({
    type: 'incident.updated',
    change,
    actorId,
    incidentId,
    rooms: incidentRoomsOf(
      incident,
      dispatches.filter(
        (d) =>
          !summonedNow.some((n) =>
            d.departmentId ? n.departmentId === d.departmentId : n.leaderUserId === d.leaderUserId,
          ),
      ),
    ),
    payload: { ...toIncidentView(incident), change },
  });
  return incident;
}
