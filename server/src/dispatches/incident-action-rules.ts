import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In, Not } from 'typeorm';
import { unprocessable } from '../common/errors';
import { persist } from '../database/persist';
import type { RecordingTx } from '../events/event-log';
import { IncidentActionHooks } from '../incidents/incident-action-hooks';
import type { IncidentRow } from '../incidents/incident-row';
import { Dispatch } from './dispatch.entity';
import { dispatchRooms, toDispatchView } from './dispatch-view';

/** What an incident's close and merge mean for its dispatches, run in the incident's transaction. */
@Injectable()
export class IncidentActionRules implements OnModuleInit {
  constructor(private readonly hooks: IncidentActionHooks) {}

  onModuleInit(): void {
    this.hooks.on('close', standDownLeaders);
    this.hooks.on('merge', refuseWhileDispatched);
  }
}

/** Closing stands down leaders still summoned by a tough whistle: nothing is left running. */
async function standDownLeaders(tx: RecordingTx, incident: IncidentRow, actorId: string): Promise<void> {
  const summoned = await tx.manager.find(Dispatch, {
    where: {
      incidentId: incident.id,
      assigneeKind: 'leader',
      status: In(['pending', 'accepted', 'arrived', 'reopened']),
    },
    lock: { mode: 'pessimistic_write' },
  });
  for (const d of summoned) {
    d.status = 'cancelled';
    d.closedAt = incident.closedAt ?? new Date();
    d.rejectReason = 'incident closed';
    await persist(tx.manager, Dispatch, d);
    tx.record({
      type: 'dispatch.updated',
      change: 'cancel',
      actorId,
      incidentId: incident.id,
      dispatchId: d.id,
      rooms: dispatchRooms(d, incident),
      payload: { ...toDispatchView(d, incident), change: 'cancel' },
    });
  }
}

/** An incident with dispatches still open cannot become another's duplicate. */
async function refuseWhileDispatched(tx: RecordingTx, incident: IncidentRow): Promise<void> {
  const live = await tx.manager.countBy(Dispatch, {
    incidentId: incident.id,
    status: Not(In(['rejected', 'cancelled', 'verified'])),
  });
  if (live > 0) throw unprocessable('Cancel the open dispatches of this incident before merging it');
}
