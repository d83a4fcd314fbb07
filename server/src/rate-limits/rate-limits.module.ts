import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerOptions } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ExecutionContext } from '@nestjs/common';
import type IORedis from 'ioredis';
import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { redisClient } from '../queues/redis';
import type { AuthedRequest } from '../access/decorators';
import { rateLimits, type RateLimit } from './rate-limit-groups';
import { RATE_LIMIT_GROUP } from './rate-limited.decorator';
import { RateLimitGuard } from './rate-limit.guard';

const RATE_LIMIT_REDIS = Symbol('RATE_LIMIT_REDIS');

/** A login form's account name, normalised, or '' (the body is parsed but not yet validated here). */
function accountOf(req: AuthedRequest): string {
  const raw = (req.body as { username?: unknown } | undefined)?.username;
  return typeof raw === 'string' ? raw.trim().toLowerCase().slice(0, 64) : '';
}

function trackerOf(limit: RateLimit, req: AuthedRequest): string {
  switch (limit.subject) {
    case 'ip':
      return req.ip ?? 'unknown';
    case 'account':
      return accountOf(req);
    case 'user':
      return req.user?.id ?? req.ip ?? 'unknown';
  }
}

function throttlerOf(limit: RateLimit, prefix: string): ThrottlerOptions {
  return {
    name: limit.name,
    limit: limit.limit,
    ttl: limit.ttlMs,
    blockDuration: limit.blockMs,
    setHeaders: false,
    // A limit applies only to the routes of its group.
    skipIf: (ctx: ExecutionContext) =>
      Reflect.getMetadata(RATE_LIMIT_GROUP, ctx.getHandler()) !== limit.group,
    getTracker: (req) => trackerOf(limit, req as AuthedRequest),
    generateKey: (_ctx, tracker) => `${prefix}:rate:${limit.name}:${tracker}`,
  };
}

class RateLimitRedis implements OnModuleDestroy {
  readonly client: IORedis;
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // Fails fast when Redis is down (the guard answers 503) instead of queueing requests behind it.
    this.client = redisClient(config.REDIS_URL, 'rate limits', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
    });
  }
  onModuleDestroy(): void {
    this.client.disconnect();
  }
}

@Module({ providers: [{ provide: RATE_LIMIT_REDIS, useClass: RateLimitRedis }], exports: [RATE_LIMIT_REDIS] })
class RateLimitsRedisModule {}

/** Request limits counted in Redis, so every node shares them (@nestjs/throttler + its Redis store). */
@Module({
  imports: [
    AuditModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitsRedisModule],
      inject: [APP_CONFIG, RATE_LIMIT_REDIS],
      useFactory: (config: AppConfig, redis: RateLimitRedis) => ({
        throttlers: rateLimits(config).map((l) => throttlerOf(l, config.REDIS_PREFIX)),
        storage: new ThrottlerStorageRedisService(redis.client),
      }),
    }),
  ],
  providers: [RateLimitGuard],
  // What a controller's module needs to build the guard that @RateLimited puts on its routes.
  exports: [RateLimitGuard, ThrottlerModule, AuditModule],
})
export class RateLimitsModule {}
