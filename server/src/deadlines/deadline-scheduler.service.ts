import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { STAGES, type DispatchView } from '@whistle/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Dispatch } from '../dispatches/dispatch.entity';
import { QUEUES } from '../queues/queue-names';
import { deadlineJobId, planDeadline, type DeadlineState, type PlannedDeadline } from './deadline-plan';

export interface DeadlineJob {
  dispatchId: string;
  stage: PlannedDeadline['stage'];
}

/**
 * Keeps exactly one delayed BullMQ job per running stage of every open dispatch. Jobs follow the
 * dispatch events (a met stage's job is removed, the next stage's added) and are rebuilt from
 * PostgreSQL at start-up. Adding an id that already exists is a no-op in BullMQ, so rebuilding never
 * doubles a timer, and the firing itself re-checks the dispatch under a row lock.
 */
@Injectable()
export class DeadlineScheduler {
  private readonly logger = new Logger(DeadlineScheduler.name);

  constructor(
    @InjectQueue(QUEUES.deadlines.name) private readonly queue: Queue<DeadlineJob>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** Follows one dispatch change as delivered by the live queue. */
  async follow(view: DispatchView): Promise<void> {
    await this.apply({
      id: view.id,
      status: view.status,
      acceptBy: new Date(view.acceptBy),
      arriveBy: new Date(view.arriveBy),
      resolveBy: new Date(view.resolveBy),
      overdueStages: view.overdueStages,
      overdueNotices: view.overdueNotices,
      lastOverdueAt: view.lastOverdueAt ? new Date(view.lastOverdueAt) : null,
    });
  }

  /**
   * Schedules the running stage's job and removes the jobs of the stages before it (stages only
   * move forward; a finished dispatch has no running stage and loses all three).
   */
  async apply(state: DeadlineState): Promise<PlannedDeadline | null> {
    const plan = planDeadline(state, this.config.OVERDUE_REPEAT_SECONDS);
    await Promise.all([
      ...this.removePassed(state.id, plan),
      ...(plan ? [this.schedule(state.id, plan)] : []),
    ]);
    return plan;
  }

  async schedule(dispatchId: string, plan: PlannedDeadline): Promise<void> {
    const job = jobOf(dispatchId, plan, Date.now());
    await this.queue.add(job.name, job.data, job.opts);
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
   * Start-up: re-derive every open dispatch's timer from PostgreSQL, in chunks — one bulk add per
   * chunk rather than a round trip per dispatch, so ten thousand open dispatches take a moment.
   */
  async rebuild(): Promise<number> {
    const open = await this.dataSource
      .getRepository(Dispatch)
      .createQueryBuilder('d')
      .where('d.status IN (:...statuses)', { statuses: ['pending', 'accepted', 'arrived', 'reopened'] })
      .getMany();
    const CHUNK = 500;
    for (let i = 0; i < open.length; i += CHUNK) {
      const plans = open.slice(i, i + CHUNK).map((d) => ({
        dispatchId: d.id,
        plan: planDeadline(d, this.config.OVERDUE_REPEAT_SECONDS),
      }));
      const now = Date.now();
      await Promise.all([
        ...plans.flatMap(({ dispatchId, plan }) => this.removePassed(dispatchId, plan)),
        this.queue.addBulk(
          plans.flatMap(({ dispatchId, plan }) => (plan ? [jobOf(dispatchId, plan, now)] : [])),
        ),
      ]);
    }
    this.logger.log(`rebuilt ${open.length} deadline timers from the database`);
    return open.length;
  }
}

function jobOf(dispatchId: string, plan: PlannedDeadline, now: number) {
  return {
    name: 'stage-deadline',
    data: { dispatchId, stage: plan.stage } satisfies DeadlineJob,
    opts: { jobId: plan.jobId, delay: Math.max(0, plan.fireAt.getTime() - now) },
  };
}
