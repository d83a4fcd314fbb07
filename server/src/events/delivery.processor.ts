import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { QUEUES } from '../queues/queue-names';
import { LiveEmitter } from './live-emitter';
import type { DeliveryJob } from './live-envelope';

/**
 * Delivers every relayed event nobody has delivered yet — usually the committing process already
 * has (CommitDelivery); each event's delivered mark is set in the same step as its publish, so
 * nobody receives one twice and none is marked without being sent. Concurrency 1 keeps the events
 * in commit order.
 */
@Processor(QUEUES.live.name, { concurrency: 1 })
export class DeliveryProcessor extends WorkerHost {
  private readonly logger = new Logger(DeliveryProcessor.name);

  constructor(
    private readonly live: LiveEmitter,
    registry: JobHandlerRegistry,
  ) {
    super();
    registry.register('live', QUEUES.live.jobs);
  }

  async process(job: Job<DeliveryJob>): Promise<void> {
    await this.live.deliver(job.data.deliveries);
  }

  /** Without a listener, a worker's connection error would be thrown as an uncaught exception. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`live delivery worker: ${err.message}`);
  }
}
