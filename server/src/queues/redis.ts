import IORedis, { type RedisOptions } from 'ioredis';

/** redis://[user:password@]host:port[/db] → ioredis options (rediss:// turns TLS on). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname,
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * Options (not instances) for BullMQ, so it owns and closes its connections. Workers, and the
 * queues they share options with, block on Redis and must retry forever.
 */
export function workerConnectionOptions(url: string): RedisOptions {
  return { ...redisOptionsFromUrl(url), maxRetriesPerRequest: null };
}

/**
 * The outbox relay's producer fails fast when Redis is down, so it keeps its rows and tries again
 * later instead of holding a transaction open.
 */
export function producerConnectionOptions(url: string): RedisOptions {
  return { ...redisOptionsFromUrl(url), maxRetriesPerRequest: 1, enableOfflineQueue: false };
}

export function redisClient(url: string): IORedis {
  return new IORedis({ ...redisOptionsFromUrl(url), maxRetriesPerRequest: null });
}
