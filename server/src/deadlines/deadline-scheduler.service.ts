import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { STAGES, type DispatchView } from '@whistle/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { OpenDispatchStates } from '../dispatches/open-dispatch-states';
import { QUEUES } from '../queues/queue-names';
import { execAll } from '../queues/redis';
import type { DeadlineState } from '@whistle/shared';
import { deadlineJobId, planDeadline, type PlannedDeadline } from './deadline-plan';
import { DEADLINE_ATTEMPTS, DEADLINE_BACKOFF_TYPE } from './deadline-retry';

export interface DeadlineJob {
  dispatchId: string;
  stage: PlannedDeadline['stage'];
}

/**
 * Keeps exactly one delayed BullMQ job per running stage of every open dispatch. Jobs follow the
 * dispatch events (a met stage's job is removed, the next stage's added) and are rebuilt from
 * PostgreSQL at start-up and whenever Redis lost them (TimerEpochWatcher). Adding an id that
 * already exists is a no-op in BullMQ, so rebuilding never doubles a live timer, and the firing
 * itself re-checks the dispatch under a row lock. That no-op holds for a finished job too, so one
 * left in the failed set is removed first, or it would keep its stage from ever having a timer.
 */
@Injectable()
export class DeadlineScheduler {
  private readonly logger = new Logger(DeadlineScheduler.name);

  constructor(
    @InjectQueue(QUEUES.deadlines.name) private readonly queue: Queue<DeadlineJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly openDispatches: OpenDispatchStates,
  ) {}

  /**
   * Follows a batch of committed dispatch changes (see DispatchFollowProcessor): each dispatch's
   * passed stages lose their jobs, and the running stages' jobs are added in one bulk — one round
   * trip for the batch's state check and one for the adds, not a handful per dispatch.
   */
  async follow(views: readonly DispatchView[]): Promise<void> {
    await this.applyAll(views.map(stateOfView));
  }

  /**
   * Schedules each dispatch's running stage and removes the jobs of the stages before it (stages
   * only move forward; a finished dispatch has no running stage and loses all three).
   */
  async applyAll(states: readonly DeadlineState[]): Promise<void> {
    const plans = states.map((state) => ({
      dispatchId: state.id,
      plan: planDeadline(state, this.config.OVERDUE_REPEAT_SECONDS),
    }));
    const planned = plans.flatMap(({ dispatchId, plan }) => (plan ? [{ dispatchId, plan }] : []));
    await Promise.all([
      ...plans.flatMap(({ dispatchId, plan }) => this.removePassed(dispatchId, plan)),
      this.clearFinished(planned.map(({ plan }) => plan.jobId)),
    ]);
    if (planned.length === 0) return;
    const now = Date.now();
    await this.queue.addBulk(planned.map(({ dispatchId, plan }) => jobOf(dispatchId, plan, now)));
  }

  /** One dispatch's timers (after a firing, say): as `applyAll`, answering its plan. */
  async apply(state: DeadlineState): Promise<PlannedDeadline | null> {
    await this.applyAll([state]);
    return planDeadline(state, this.config.OVERDUE_REPEAT_SECONDS);
  }

  /**
   * Removes the jobs among `jobIds` that are no longer live (failed for good, or completed and
   * kept), so their ids are free for the live timer. Live ones (delayed, waiting, active) are left
   * alone: replacing them could only move a timer that is already right. Finished jobs sit in the
   * queue's failed and completed sorted sets, so ZSCOREs sent together answer for every id.
   */
  private async clearFinished(jobIds: readonly string[]): Promise<void> {
    if (jobIds.length === 0) return;
    const client = await this.queue.client;
    const { failed, completed } = this.queue.keys;
    // One pipeline on the queue's connection: one write and one round trip for the whole batch.
    const lookups = client.pipeline();
    // (BullMQ's client declares the commands it uses itself; any other goes through runCommand.)
    for (const id of jobIds) lookups.runCommand('zscore', [failed, id]).runCommand('zscore', [completed, id]);
    const scores = await execAll(lookups);
    const finished = jobIds.filter((_, i) => scores[2 * i] !== null || scores[2 * i + 1] !== null);
    if (finished.length === 0) return;
    await Promise.all(finished.map((id) => this.queue.remove(id)));
    this.logger.warn(`replaced ${finished.length} finished deadline job(s): ${finished.join(', ')}`);
  }

  /**
   * A job being processed right now is locked and cannot be removed; its firing re-checks the
   * dispatch under a row lock and finds the stage met, so leaving it is safe.
   */
  private removePassed(dispatchId: string, plan: PlannedDeadline | null): Promise<unknown>[] {
    const passed = plan ? STAGES.slice(0, STAGES.indexOf(plan.stage)) : STAGES;
    return passed.map((stage) => this.queue.remove(deadlineJobId(dispatchId, stage)).catch(() => 0));
  }

  /**
   * Re-derives every open dispatch's timer from PostgreSQL, in chunks — one bulk add per chunk
   * rather than a round trip per dispatch, so ten thousand open dispatches take a moment.
   */
  async rebuild(): Promise<number> {
    const open = await this.openDispatches.all();
    const CHUNK = 500;
    for (let i = 0; i < open.length; i += CHUNK) await this.applyAll(open.slice(i, i + CHUNK));
    this.logger.log(`rebuilt ${open.length} deadline timers from the database`);
    return open.length;
  }
}

function stateOfView(view: DispatchView): DeadlineState {
  return {
    id: view.id,
    status: view.status,
    acceptBy: new Date(view.acceptBy),
    arriveBy: new Date(view.arriveBy),
    resolveBy: new Date(view.resolveBy),
    overdueStages: view.overdueStages,
    overdueNotices: view.overdueNotices,
    lastOverdueAt: view.lastOverdueAt ? new Date(view.lastOverdueAt) : null,
  };
}

function jobOf(dispatchId: string, plan: PlannedDeadline, now: number) {
  return {
    name: 'stage-deadline',
    data: { dispatchId, stage: plan.stage } satisfies DeadlineJob,
    opts: {
      jobId: plan.jobId,
      delay: Math.max(0, plan.fireAt.getTime() - now),
      attempts: DEADLINE_ATTEMPTS,
      backoff: { type: DEADLINE_BACKOFF_TYPE },
    },
  };
}
