import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { Counter, Registry } from 'prom-client';
import { PeriodicTask } from '../common/periodic-task';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PROMETHEUS_REGISTRY } from '../observability/prometheus-registry';
import { redisClient } from '../queues/redis';
import { DeadlineScheduler } from './deadline-scheduler.service';

/** Longer than any rebuild takes; only matters if the process holding the lock dies mid-way. */
const REBUILD_LOCK_MS = 60_000;

/** Deletes `key` only while it still holds `value` (a lock or mark this process set itself). */
const DELETE_IF_EQUAL = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

type RebuildReason = 'startup' | 'redis_lost';

/**
 * Notices when Redis lost the deadline timers while the workers stayed up (restarted without its
 * data, flushed, failed over to an empty replica) and rebuilds them from PostgreSQL.
 *
 * A rebuild leaves an epoch key in Redis; every DEADLINE_TIMERS_CHECK_MS, and whenever the
 * connection comes back, each worker looks for it. Whatever emptied Redis took the key with it, so
 * a missing key means the timers are gone. One worker, holding a short Redis lock, rebuilds; the
 * others find the key again on their next look. The key is written before the rebuild, so data
 * lost again during a rebuild takes the key too and the next look rebuilds once more.
 */
@Injectable()
export class TimerEpochWatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TimerEpochWatcher.name);
  private readonly epochKey: string;
  private readonly lockKey: string;
  private readonly rebuilds: Counter<'reason'>;
  private redis: IORedis | undefined;
  private readonly task: PeriodicTask;

  constructor(
    private readonly scheduler: DeadlineScheduler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROMETHEUS_REGISTRY) registry: Registry,
  ) {
    this.epochKey = `${config.REDIS_PREFIX}:deadlines:epoch`;
    this.lockKey = `${config.REDIS_PREFIX}:deadlines:rebuild-lock`;
    this.rebuilds = new Counter({
      name: 'whistle_deadline_timer_rebuilds_total',
      help: 'Rebuilds of every deadline timer from PostgreSQL, by reason',
      labelNames: ['reason'],
      registers: [registry],
    });
    this.task = new PeriodicTask({
      name: 'deadline timer check',
      everyMs: config.DEADLINE_TIMERS_CHECK_MS,
      logger: this.logger,
      run: () => this.checkOnce(),
    });
  }

  /** Start-up: a restart loses no timer — every open dispatch's deadline is re-derived from PostgreSQL. */
  async onApplicationBootstrap(): Promise<void> {
    const redis = redisClient(this.config.REDIS_URL, 'deadline timer watch');
    this.redis = redis;
    await this.rebuild(redis, 'startup');
    this.task.start();
    // Back after an outage: whether Redis kept its data is known at once, not a tick later.
    redis.on('ready', () => void this.task.runNow());
  }

  async onApplicationShutdown(): Promise<void> {
    const stopped = this.task.stop();
    // A reconnect after this finds no client and does nothing; a look in flight fails at once
    // rather than waiting for a Redis that may be down.
    const redis = this.redis;
    this.redis = undefined;
    redis?.disconnect();
    await stopped;
  }

  /**
   * One look for the epoch key; rebuilds when it is gone. Never runs twice at once in a process; a
   * failure is retried by the next tick, and the key is only left in place by a rebuild that finished.
   */
  private async checkOnce(): Promise<void> {
    const redis = this.redis;
    if (!redis) return;
    if (await redis.exists(this.epochKey)) return;
    const token = randomUUID();
    if ((await redis.set(this.lockKey, token, 'PX', REBUILD_LOCK_MS, 'NX')) !== 'OK') return;
    try {
      // Another worker may have rebuilt between the first look and the lock.
      if (await redis.exists(this.epochKey)) return;
      this.logger.warn('Redis lost the deadline timers (epoch key gone): rebuilding them from the database');
      await this.rebuild(redis, 'redis_lost');
    } finally {
      await redis.eval(DELETE_IF_EQUAL, 1, this.lockKey, token);
    }
  }

  private async rebuild(redis: IORedis, reason: RebuildReason): Promise<void> {
    const epoch = `${new Date().toISOString()} ${randomUUID()}`;
    await redis.set(this.epochKey, epoch);
    try {
      await this.scheduler.rebuild();
    } catch (err) {
      // Half the timers may be missing: leave no key, so the next look rebuilds.
      await redis.eval(DELETE_IF_EQUAL, 1, this.epochKey, epoch).catch(() => 0);
      throw err;
    }
    this.rebuilds.inc({ reason });
  }
}
