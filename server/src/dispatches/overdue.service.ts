import { Inject, Injectable } from '@nestjs/common';
import { dueAt, nextOverdueNotice, runningStage, type Escalation, type Stage } from '@whistle/shared';
import { rowUpdate } from '../database/persist';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ChangeRecorder } from '../events/change-recorder.service';
import { syncIncidentWithDispatches } from './incident-sync';
import { Dispatch } from './dispatch.entity';
import { lockDispatchWithIncident } from './dispatch-lock';
import { dispatchRooms, toDispatchView } from './dispatch-view';

/** Leeway for a timer that fires a hair early (clock skew between Redis and this process). */
const EARLY_TOLERANCE_MS = 250;

export type FireOutcome =
  | { kind: 'stage-met' }
  | { kind: 'not-yet'; fireAt: Date }
  | { kind: 'notified'; notice: number; repeatAt: Date };

/**
 * What happens when a stage deadline passes (the deadline timers call this). Everything is decided
 * under a row lock from the dispatch's own state, so a timer that fires late, twice, or after a
 * restart sends each notice once.
 */
@Injectable()
export class OverdueService {
  constructor(
    private readonly recorder: ChangeRecorder,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  fire(dispatchId: string, stage: Stage, now = new Date()): Promise<FireOutcome> {
    return this.recorder.run(async (tx) => {
      const locked = await lockDispatchWithIncident(tx.manager, dispatchId);
      if (!locked || runningStage(locked.dispatch.status) !== stage) return { kind: 'stage-met' };
      const { dispatch: d, incident } = locked;
      const plan = nextOverdueNotice(d, this.config.OVERDUE_REPEAT_SECONDS);
      if (!plan) return { kind: 'stage-met' };
      if (plan.fireAt.getTime() - now.getTime() > EARLY_TOLERANCE_MS)
        return { kind: 'not-yet', fireAt: plan.fireAt };

      const firstNotice = plan.notice === 1;
      if (!d.overdueStages.includes(stage)) d.overdueStages = [...d.overdueStages, stage];
      d.overdueNotices = plan.notice;
      d.lastOverdueAt = now;
      // Nothing here reads the row again: its UPDATE rides with the events (the sync is told of it).
      tx.write(`dispatches:${d.id}`, rowUpdate(tx.manager, Dispatch, d));
      const missedStages = d.overdueStages.length;
      // A second missed stage means the departments cannot close it alone: suggest a tough-problem whistle.
      const escalation: Escalation =
        missedStages >= 2 && d.whistleType !== 'tough' ? 'suggest_tough_whistle' : 'district_command';
      // Department (or leader), street and district: dispatchRooms names all three.
      const targets = dispatchRooms(d, incident);
      tx.record({
        type: 'deadline.overdue',
        change: 'overdue',
        actorId: null,
        incidentId: d.incidentId,
        dispatchId: d.id,
        rooms: targets,
        payload: {
          dispatchId: d.id,
          incidentId: d.incidentId,
          departmentId: d.departmentId,
          leaderUserId: d.leaderUserId,
          streetId: d.streetId,
          whistleType: d.whistleType,
          stage,
          dueAt: dueAt(d, stage).toISOString(),
          notice: plan.notice,
          missedStages,
          escalation,
        },
      });
      if (firstNotice) {
        tx.record({
          type: 'dispatch.updated',
          change: 'overdue',
          actorId: null,
          incidentId: d.incidentId,
          dispatchId: d.id,
          rooms: targets,
          payload: { ...toDispatchView(d, incident), change: 'overdue' },
        });
        await syncIncidentWithDispatches(tx, incident, null, { current: [d] });
      }
      return {
        kind: 'notified',
        notice: plan.notice,
        repeatAt: new Date(now.getTime() + this.config.OVERDUE_REPEAT_SECONDS * 1000),
      };
    });
  }
}
