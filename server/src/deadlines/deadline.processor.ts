import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { QUEUES } from '../queues/queue-names';
import type { DeadlineJob } from './deadline-scheduler.service';
import { DEADLINE_ATTEMPTS, deadlineRetryDelay } from './deadline-retry';
import { OverdueService } from '../dispatches/overdue.service';

/**
 * Fires stage deadlines. A job that sent a notice moves itself back to delayed for the next
 * repeat, so one job per dispatch and stage lives until the stage is met. Each firing is one short
 * transaction on its own dispatch row; 8 at a time keep a burst of expiries moving on a part of
 * the connection pool. A firing that throws is retried with backoff (deadline-retry.ts); the timers
 * themselves are (re)built by TimerEpochWatcher.
 */
@Processor(QUEUES.deadlines.name, {
  concurrency: 8,
  settings: { backoffStrategy: (attemptsMade: number) => deadlineRetryDelay(attemptsMade) },
})
export class DeadlineProcessor extends WorkerHost {
  private readonly logger = new Logger(DeadlineProcessor.name);

  constructor(
    private readonly overdue: OverdueService,
    registry: JobHandlerRegistry,
  ) {
    super();
    registry.register('deadlines', QUEUES.deadlines.jobs);
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

  @OnWorkerEvent('failed')
  onFailed(job: Job<DeadlineJob> | undefined, err: Error): void {
    if (!job) return;
    const retrying = job.attemptsMade < (job.opts.attempts ?? DEADLINE_ATTEMPTS);
    const what = `deadline ${job.id} failed (attempt ${job.attemptsMade}): ${err.message}`;
    if (retrying) this.logger.warn(`${what}; retrying`);
    else this.logger.error(`${what}; giving up until the timers are next rebuilt`);
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
