import { randomUUID } from 'node:crypto';
import {
  stageDeadlines,
  type DispatchAssigneeKind,
  type DispatchDirection,
  type StageLimits,
  type WhistleType,
} from '@whistle/shared';
import type { SqlParam } from '../database/deferred-write';
import type { RecordingTx } from '../events/event-log';
import type { IncidentRow } from '../incidents/incident-row';
import { Dispatch } from './dispatch.entity';
import { dispatchRooms, toDispatchView } from './dispatch-view';

export interface OpenDispatchInput {
  incident: IncidentRow;
  whistleId: string | null;
  direction: DispatchDirection;
  assigneeKind: DispatchAssigneeKind;
  departmentId: string | null;
  leaderUserId: string | null;
  whistleType: WhistleType;
  limits: StageLimits;
  createdById: string;
  at: Date;
}

/**
 * Opens dispatches with their stage deadlines and records a dispatch.created for each, inside the
 * caller's transaction. Their one INSERT rides with the transaction's events (RecordingTx.write),
 * so until the flush the table does not hold them: syncIncidentWithDispatches is told of them.
 */
export function openDispatches(tx: RecordingTx, inputs: readonly OpenDispatchInput[]): Dispatch[] {
  if (inputs.length === 0) return [];
  const dispatches = inputs.map((input) =>
    Object.assign(new Dispatch(), {
      id: randomUUID(),
      whistleId: input.whistleId,
      incidentId: input.incident.id,
      direction: input.direction,
      assigneeKind: input.assigneeKind,
      departmentId: input.departmentId,
      leaderUserId: input.leaderUserId,
      streetId: input.incident.streetId,
      whistleType: input.whistleType,
      status: 'pending' as const,
      ...stageDeadlines(input.at, input.limits),
      acceptedAt: null,
      arrivedAt: null,
      resolvedAt: null,
      verifiedAt: null,
      closedAt: null,
      rejectReason: null,
      resolutionNote: null,
      arrivalLng: null,
      arrivalLat: null,
      overdueStages: [],
      overdueNotices: 0,
      lastOverdueAt: null,
      reopenCount: 0,
      createdById: input.createdById,
      createdAt: input.at,
      updatedAt: input.at,
    }),
  );
  tx.write(`dispatches:${dispatches[0]?.id}`, (param) => insertDispatches(dispatches, param));
  dispatches.forEach((d, i) => {
    const input = inputs[i];
    tx.record({
      type: 'dispatch.created',
      change: 'created',
      actorId: input.createdById,
      incidentId: input.incident.id,
      dispatchId: d.id,
      rooms: dispatchRooms(d, input.incident),
      payload: toDispatchView(d, input.incident),
    });
  });
  return dispatches;
}

function insertDispatches(dispatches: readonly Dispatch[], param: SqlParam): string {
  const rows = dispatches.map((d) =>
    [
      d.id,
      d.whistleId,
      d.incidentId,
      d.direction,
      d.assigneeKind,
      d.departmentId,
      d.leaderUserId,
      d.streetId,
      d.whistleType,
      d.status,
      d.acceptBy,
      d.arriveBy,
      d.resolveBy,
      d.createdById,
      d.createdAt,
      d.updatedAt,
    ]
      .map(param)
      .join(', '),
  );
  // overdue_stages, overdue_notices, reopen_count and the stage stamps start at their defaults.
  return `INSERT INTO dispatches (id, whistle_id, incident_id, direction, assignee_kind, department_id,
      leader_user_id, street_id, whistle_type, status, accept_by, arrive_by, resolve_by, created_by_id,
      created_at, updated_at)
    VALUES (${rows.join('), (')})`;
}
