import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DispatchView } from '@whistle/shared';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DispatchChange, DispatchChangesJob } from '../queues/dispatch-changes-job';
import { JobHandlerRegistry } from '../queues/job-handler-registry';
import { QUEUES } from '../queues/queue-names';
import { closeRedis, execAll, redisClient } from '../queues/redis';
import { DeadlineScheduler } from './deadline-scheduler.service';

/** A followed change is remembered a week: longer than any outbox row waits for Redis. */
const FOLLOWED_TTL_SECONDS = 7 * 86_400;

/**
 * The deadline timers follow each committed dispatch change, as the outbox relay hands them over
 * (one job per relayed batch, in commit order: concurrency 1). A change is followed once: a
 * re-relayed one may carry a state older than the database now, so only changes not yet followed
 * move timers, and each is marked once it has.
 */
@Processor(QUEUES.dispatchChanges.name, { concurrency: 1 })
export class DispatchFollowProcessor extends WorkerHost implements OnApplicationShutdown {
  private readonly logger = new Logger(DispatchFollowProcessor.name);
  /** Where followed changes are marked. */
  private readonly redis: IORedis;

  constructor(
    private readonly deadlines: DeadlineScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    registry: JobHandlerRegistry,
  ) {
    super();
    registry.register('dispatchChanges', QUEUES.dispatchChanges.jobs);
    this.redis = redisClient(config.REDIS_URL, 'dispatch follow');
  }

  async process(job: Job<DispatchChangesJob>): Promise<void> {
    const redis = this.redis;
    const key = (change: DispatchChange) => `${this.config.REDIS_PREFIX}:followed:${change.eventId}`;
    const { changes } = job.data;
    const seen = await redis.mget(changes.map(key));
    const fresh = changes.filter((_, i) => seen[i] === null);
    if (fresh.length === 0) return;
    // The latest state of each dispatch in the batch (following is idempotent, so safe to repeat).
    const latest = new Map<string, DispatchView>();
    for (const { dispatch } of fresh) latest.set(dispatch.id, dispatch);
    await this.deadlines.follow([...latest.values()]);
    // One pipeline: one write and one round trip for the batch's marks.
    const marks = redis.pipeline();
    for (const change of fresh) marks.set(key(change), '1', 'EX', FOLLOWED_TTL_SECONDS);
    await execAll(marks);
  }

  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }

  /** Without a listener, a worker's connection error would be thrown as an uncaught exception. */
  @OnWorkerEvent('error')
  onWorkerError(err: Error): void {
    this.logger.warn(`dispatch follow worker: ${err.message}`);
  }
}
