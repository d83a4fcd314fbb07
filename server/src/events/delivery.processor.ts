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
import { createLiveEmitter, REPLAYING_ROOM } from './live-emitter';
import type { Delivery, DeliveryJob } from './live-envelope';

const DELIVERED_TTL_SECONDS = 7 * 86_400;

/**
 * Delivers relayed events: lets the deadline scheduler follow the dispatch changes, then emits each
 * event to its rooms exactly once (a Redis SET NX on the event id guards against a batch run twice
 * or an event relayed twice). Concurrency 1 keeps the events in commit order.
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
    ({ emitter: this.emitter, redis: this.redis } = createLiveEmitter(
      config.REDIS_URL,
      config.REDIS_PREFIX,
      'live delivery',
    ));
  }

  async process(job: Job<DeliveryJob>): Promise<void> {
    const key = (id: string) => `${this.config.REDIS_PREFIX}:delivered:${id}`;
    const { deliveries } = job.data;
    // Events delivered before (a re-relayed row) were followed then, and their payloads may be
    // older than the database now: only undelivered ones move timers.
    const seen = await this.redis.exists(...deliveries.map(({ envelope }) => key(envelope.id)));
    const undelivered = seen === 0 ? deliveries : await this.filterUndelivered(deliveries, key);
    await this.followDispatches(undelivered);
    // Claim, then emit: a batch retried after a crash claims nothing twice.
    const claims = this.redis.pipeline();
    for (const { envelope } of undelivered)
      claims.set(key(envelope.id), '1', 'EX', DELIVERED_TTL_SECONDS, 'NX');
    const results = (await claims.exec()) ?? [];
    undelivered.forEach(({ envelope, rooms }, i) => {
      const [err, claimed] = results[i] ?? [null, null];
      if (err) throw err;
      if (claimed === 'OK' && rooms.length > 0) {
        this.emitter.to(rooms).except(REPLAYING_ROOM).emit(envelope.type, envelope);
      }
    });
  }

  private async filterUndelivered(deliveries: Delivery[], key: (id: string) => string): Promise<Delivery[]> {
    const check = this.redis.pipeline();
    for (const { envelope } of deliveries) check.exists(key(envelope.id));
    const results = (await check.exec()) ?? [];
    return deliveries.filter((_, i) => results[i]?.[1] === 0);
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
    await this.redis.quit().catch(() => undefined);
  }
}
