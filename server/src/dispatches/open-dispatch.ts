import {
  stageDeadlines,
  type DispatchAssigneeKind,
  type DispatchDirection,
  type StageLimits,
  type WhistleType,
} from '@whistle/shared';
import type { RecordingTx } from '../events/event-log';
import type { Incident } from '../incidents/incident.entity';
import { Dispatch } from './dispatch.entity';
import { dispatchRooms, toDispatchView } from './dispatch-view';

export interface OpenDispatchInput {
  incident: Incident;
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

/** Opens one dispatch with its stage deadlines and records dispatch.created, inside the caller's transaction. */
export async function openDispatch(tx: RecordingTx, input: OpenDispatchInput): Promise<Dispatch> {
  const d = tx.manager.create(Dispatch, {
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
    createdById: input.createdById,
    createdAt: input.at,
  });
  await tx.manager.save(d);
  tx.record({
    type: 'dispatch.created',
    change: 'created',
    actorId: input.createdById,
    incidentId: input.incident.id,
    dispatchId: d.id,
    rooms: dispatchRooms(d, input.incident),
    payload: toDispatchView(d, input.incident),
  });
  return d;
}
