import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { QUEUES } from '../queues/queue-names';
import { DeadlineScheduler, type DeadlineJob } from './deadline-scheduler.service';
import { OverdueService } from './overdue.service';

/**
 * Fires stage deadlines. A job that sent a notice moves itself back to delayed for the next
 * repeat, so one job per dispatch and stage lives until the stage is met. Each firing is one short
 * transaction on its own dispatch row; 8 at a time keep a burst of expiries moving on a part of
 * the connection pool.
 */
@Processor(QUEUES.deadlines.name, { concurrency: 8 })
export class DeadlineProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(DeadlineProcessor.name);

  constructor(
    private readonly overdue: OverdueService,
    private readonly scheduler: DeadlineScheduler,
    registry: JobHandlerRegistry,
  ) {
    super();
    registry.register('deadlines', QUEUES.deadlines.jobs);
  }

  /** Start-up: a restart loses no timer — every open dispatch's deadline is re-derived from PostgreSQL. */
  async onApplicationBootstrap(): Promise<void> {
    await this.scheduler.rebuild();
  }

  async process(job: Job<DeadlineJob>, token?: string): Promise<void> {
    const outcome = await this.overdue.fire(job.data.dispatchId, job.data.stage);
    switch (outcome.kind) {
      case 'stage-met':
        return;
      case 'not-yet':
        return this.delay(job, outcome.fireAt, token);
      case 'notified':
        this.logger.log(
          `dispatch ${job.data.dispatchId} overdue at ${job.data.stage} (notice ${outcome.notice})`,
        );
        return this.delay(job, outcome.repeatAt, token);
    }
  }

  /** Without a listener, a worker's connection error would be thrown as an uncaught exception. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`deadline worker: ${err.message}`);
  }

  private async delay(job: Job<DeadlineJob>, at: Date, token: string | undefined): Promise<never> {
    await job.moveToDelayed(at.getTime(), token);
    throw new DelayedError();
  }
}
