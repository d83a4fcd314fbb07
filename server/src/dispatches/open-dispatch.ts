import {
  stageDeadlines,
  type DispatchAssigneeKind,
  type DispatchDirection,
  type StageLimits,
  type WhistleType,
} from '@whistle/shared';
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
 * Opens dispatches with their stage deadlines — one INSERT for all of them — and records a
 * dispatch.created for each, inside the caller's transaction.
 */
export async function openDispatches(
  tx: RecordingTx,
  inputs: readonly OpenDispatchInput[],
): Promise<Dispatch[]> {
  if (inputs.length === 0) return [];
  const dispatches = inputs.map((input) =>
    tx.manager.create(Dispatch, {
      whistleId: input.whistleId,
      incidentId: input.incident.id,
      direction: input.direction,
      assigneeKind: input.assigneeKind,
      departmentId: input.departmentId,
      leaderUserId: input.leaderUserId,
      streetId: input.incident.streetId,
      whistleType: input.whistleType,
      status: 'pending',
      ...stageDeadlines(input.at, input.limits),
      overdueStages: [],
      overdueNotices: 0,
      lastOverdueAt: null,
      reopenCount: 0,
      createdById: input.createdById,
      createdAt: input.at,
      updatedAt: input.at,
    }),
  );
  // insert() writes the generated ids back onto these objects.
  await tx.manager.insert(Dispatch, dispatches);
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
