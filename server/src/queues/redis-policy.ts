import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { ConfigError } from '../config/app-config';
import { redisOptionsFromUrl } from './redis';

const logger = new Logger('Redis');

/** Errors that mean the server will not say (CONFIG renamed away or denied, as managed services do). */
const CANNOT_ASK = /unknown command|NOPERM|no permissions|not allowed|disabled/i;

/**
 * BullMQ keeps deadline timers and delivery jobs as ordinary keys: a Redis that evicts keys under
 * memory pressure silently deletes them. Start-up refuses any policy but `noeviction`, with one
 * line saying so. Where the server will not tell (CONFIG disabled) or cannot be reached yet, it
 * warns and starts: the reader is the operator, and a Redis that is down is handled as an outage.
 */
export async function assertRedisKeepsJobs(url: string): Promise<void> {
  const redis = new IORedis({
    ...redisOptionsFromUrl(url),
    lazyConnect: true,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  // Reported below through the rejected promise; without a listener ioredis would log it again.
  redis.on('error', () => undefined);
  let policy: string | undefined;
  try {
    await redis.connect();
    const answer = (await redis.call('CONFIG', 'GET', 'maxmemory-policy')) as string[];
    policy = answer[1];
  } catch (err) {
    const message = (err as Error).message;
    const why = CANNOT_ASK.test(message)
      ? 'the server does not allow CONFIG GET'
      : `Redis unavailable (${message})`;
    logger.warn(
      `could not check Redis maxmemory-policy (${why}); it must be noeviction, or queued jobs can be evicted`,
    );
    return;
  } finally {
    redis.disconnect();
  }
  if (policy !== undefined && policy !== 'noeviction')
    throw new ConfigError(
      `Redis maxmemory-policy is ${policy}, but it must be noeviction: an evicted key is a lost deadline timer or delivery (set maxmemory-policy noeviction on the Redis at REDIS_URL)`,
    );
}
