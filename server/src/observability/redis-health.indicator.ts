import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { withTimeout } from './with-timeout';

const PING_TIMEOUT_MS = 1_000;

/** PINGs Redis on a connection of its own, so a busy queue connection cannot mask an outage. */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private readonly redis: IORedis;

  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    // Lazy: worker processes serve no /health and need not hold the connection.
    this.redis = new IORedis(config.REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectTimeout: PING_TIMEOUT_MS,
    });
    // Outages are reported by the check; without a listener ioredis would also print each one.
    this.redis.on('error', () => undefined);
  }

  async pingCheck<Key extends string>(key: Key): Promise<HealthIndicatorResult<Key>> {
    const indicator = this.health.check(key);
    try {
      await withTimeout(this.redis.ping(), PING_TIMEOUT_MS, 'Redis PING');
      return indicator.up();
    } catch (err) {
      return indicator.down({ message: err instanceof Error ? err.message : String(err) });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.redis.status === 'wait') return this.redis.disconnect();
    await withTimeout(this.redis.quit(), PING_TIMEOUT_MS, 'Redis QUIT').catch(() => this.redis.disconnect());
  }
}
