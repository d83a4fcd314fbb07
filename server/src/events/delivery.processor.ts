import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Emitter } from '@socket.io/redis-emitter';
import type { Job } from 'bullmq';
import type IORedis from 'ioredis';
import type { DispatchView } from '@whistle/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DeadlineScheduler } from '../deadlines/deadline-scheduler.service';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { QUEUES } from '../queues/queue-names';
import {
  createLiveEmitter,
  DELIVERED_TTL_SECONDS,
  emitEveryEvent,
  emitterBroadcast,
  type Broadcast,
} from './live-emitter';
import type { Delivery, DeliveryJob } from './live-envelope';

/**
 * Takes relayed events through the steps that must not be missed: lets the deadline scheduler
 * follow each dispatch change once, then emits every event nobody has emitted yet — usually the
 * committing process already has (CommitDelivery); a claim on each event id means nobody receives
 * one twice, and one claimed by a process that died before publishing is emitted here once its
 * claim runs out. Concurrency 1 keeps the events in commit order.
 */
@Processor(QUEUES.live.name, { concurrency: 1 })
export class DeliveryProcessor extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryProcessor.name);
  private readonly live: { emitter: Emitter; redis: IORedis };
  private readonly viaEmitter: Broadcast;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deadlines: DeadlineScheduler,
    registry: JobHandlerRegistry,
  ) {
    super();
    registry.register('live', QUEUES.live.jobs);
    this.live = createLiveEmitter(config.REDIS_URL, config.REDIS_PREFIX, 'live delivery');
    this.viaEmitter = emitterBroadcast(this.live.emitter);
  }

  async process(job: Job<DeliveryJob>): Promise<void> {
    const { deliveries } = job.data;
    await this.followOnce(deliveries);
    await emitEveryEvent(this.live.redis, this.config.REDIS_PREFIX, deliveries, this.viaEmitter);
  }

  /**
   * Events followed before (a re-relayed row) may carry payloads older than the database now:
   * only those not yet followed move timers, and each is marked once it has.
   */
  private async followOnce(deliveries: Delivery[]): Promise<void> {
    const key = (id: string) => `${this.config.REDIS_PREFIX}:followed:${id}`;
    const changes = deliveries.filter(
      ({ envelope }) => envelope.type === 'dispatch.created' || envelope.type === 'dispatch.updated',
    );
    if (changes.length === 0) return;
    const check = this.live.redis.pipeline();
    for (const { envelope } of changes) check.exists(key(envelope.id));
    const seen = (await check.exec()) ?? [];
    const fresh = changes.filter((_, i) => seen[i]?.[1] === 0);
    if (fresh.length === 0) return;
    await this.followDispatches(fresh);
    const mark = this.live.redis.pipeline();
    for (const { envelope } of fresh) mark.set(key(envelope.id), '1', 'EX', DELIVERED_TTL_SECONDS);
    await mark.exec();
  }

  /** Timers follow the latest state of each dispatch in the batch (idempotent, so safe to repeat). */
  private async followDispatches(deliveries: Delivery[]): Promise<void> {
    const latest = new Map<string, DispatchView>();
    for (const { envelope } of deliveries) {
      if (envelope.type === 'dispatch.created' || envelope.type === 'dispatch.updated') {
        const view = envelope.payload as DispatchView;
        latest.set(view.id, view);
      }
    }
    await Promise.all([...latest.values()].map((view) => this.deadlines.follow(view)));
  }

  /** Without a listener, a worker's connection error would be thrown as an uncaught exception. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`live delivery worker: ${err.message}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.live.redis.quit().catch(() => undefined);
  }
}
