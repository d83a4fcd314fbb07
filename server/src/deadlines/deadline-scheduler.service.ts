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
    const passed = plan ? STAGES.slice(0, STAGES.indexOf(plan.stage)) : STAGES;
    await Promise.all([
      // A job being processed right now is locked and cannot be removed; its firing re-checks the
      // dispatch under a row lock and finds the stage met, so leaving it is safe.
      ...passed.map((stage) => this.queue.remove(deadlineJobId(state.id, stage)).catch(() => 0)),
      ...(plan ? [this.schedule(state.id, plan)] : []),
    ]);
    return plan;
  }

  async schedule(dispatchId: string, plan: PlannedDeadline): Promise<void> {
    await this.queue.add(
      'stage-deadline',
      { dispatchId, stage: plan.stage },
      { jobId: plan.jobId, delay: Math.max(0, plan.fireAt.getTime() - Date.now()) },
    );
  }

  /** Start-up: re-derive every open dispatch's timer from PostgreSQL. */
  async rebuild(): Promise<number> {
    const open = await this.dataSource
      .getRepository(Dispatch)
      .createQueryBuilder('d')
      .where('d.status IN (:...statuses)', { statuses: ['pending', 'accepted', 'arrived', 'reopened'] })
      .getMany();
    for (const dispatch of open) await this.apply(dispatch);
    this.logger.log(`rebuilt ${open.length} deadline timers from the database`);
    return open.length;
  }
}
