import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Emitter } from '@socket.io/redis-emitter';
import type { Job } from 'bullmq';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler.service';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { QUEUES } from '../queues/queue-names';
import { createLiveEmitter, REPLAYING_ROOM } from './live-emitter';
import type { DeliveryJob } from './live-envelope';

const DELIVERED_TTL_SECONDS = 7 * 86_400;

/**
 * Delivers relayed events: emits each to its rooms exactly once (a Redis SET NX on the event id
 * guards against a job run twice), then lets the deadline scheduler follow dispatch changes.
 */
@Processor(QUEUES.live.name, { concurrency: 1 })
export class DeliveryProcessor extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryProcessor.name);
  private readonly emitter: Emitter;
  private readonly redis: IORedis;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlineScheduler,
    registry: JobHandlerRegistry,
  ) {
    super();
    registry.register('live', QUEUES.live.jobs);
    ({ emitter: this.emitter, redis: this.redis } = createLiveEmitter(config.REDIS_URL, config.REDIS_PREFIX));
  }

  async process(job: Job<DeliveryJob>): Promise<void> {
    const { envelope, rooms } = job.data;
    const key = `${this.config.REDIS_PREFIX}:delivered:${envelope.id}`;
    const first = await this.redis.set(key, '1', 'EX', DELIVERED_TTL_SECONDS, 'NX');
    if (first === 'OK' && rooms.length > 0)
      this.emitter.to(rooms).except(REPLAYING_ROOM).emit(envelope.type, envelope);
    if (envelope.type === 'dispatch.created' || envelope.type === 'dispatch.updated') {
      const event = envelope as { payload: Parameters<DeadlineScheduler['follow']>[0] };
      await this.deadlines.follow(event.payload);
    }
  }

  /** Without a listener, a worker's connection error would be thrown as an uncaught exception. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`live delivery worker: ${err.message}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}
