import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import IORedis from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { InjectConfig } from '../config/inject-config';
import { producerConnectionOptions } from '../queues/redis';

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

const WINDOW_SECONDS = 60;

/**
 * Fixed one-minute windows per API key in Redis (INCR + EXPIRE), shared by every API process.
 * When Redis cannot be reached the request is let through: a citizen's report matters more than
 * the limit, and the outage is logged.
 */
@Injectable()
export class Open311RateLimiter implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(Open311RateLimiter.name);
  private readonly redis: IORedis;
  private readonly prefix: string;

  constructor(@InjectConfig() private readonly config: AppConfig) {
    this.redis = new IORedis({ ...producerConnectionOptions(config.REDIS_URL), lazyConnect: true });
    this.redis.on('error', () => undefined);
    this.prefix = `${config.REDIS_PREFIX}:open311:rate`;
  }

  /** Connects before the first request, so the first POSTs are counted too. */
  async onModuleInit(): Promise<void> {
    await this.redis.connect().catch((err: Error) => this.logger.warn(`Redis unavailable: ${err.message}`));
  }

  async take(keyId: string, limitPerMinute: number | null, now = Date.now()): Promise<RateDecision> {
    const limit = limitPerMinute ?? this.config.OPEN311_RATE_LIMIT_PER_MINUTE;
    const window = Math.floor(now / 1000 / WINDOW_SECONDS);
    const retryAfterSeconds = (window + 1) * WINDOW_SECONDS - Math.floor(now / 1000);
    const key = `${this.prefix}:${keyId}:${window}`;
    try {
      const [[incrError, count] = [null, 0]] = (await this.redis
        .multi()
        .incr(key)
        .expire(key, WINDOW_SECONDS * 2)
        .exec()) ?? [[null, 0]];
      if (incrError) throw incrError;
      return { allowed: Number(count) <= limit, retryAfterSeconds };
    } catch (err) {
      this.logger.warn(`rate limit not checked, Redis unavailable: ${(err as Error).message}`);
      return { allowed: true, retryAfterSeconds };
    }
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
