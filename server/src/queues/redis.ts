import { Logger } from '@nestjs/common';
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

const logger = new Logger('Redis');

/**
 * A client that retries forever and reports an outage once (not once per retry) and its end;
 * ioredis reconnects and re-subscribes by itself.
 */
export function redisClient(url: string, purpose: string, overrides: RedisOptions = {}): IORedis {
  const client = new IORedis({ ...redisOptionsFromUrl(url), maxRetriesPerRequest: null, ...overrides });
  let down = false;
  client.on('error', (err: Error) => {
    if (!down) logger.warn(`${purpose}: Redis unavailable (${err.message}); retrying`);
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.log(`${purpose}: Redis reachable again`);
    down = false;
  });
  return client;
}

/**
 * socket.io's Redis adapter and emitter call `publish` and drop its promise, so a publish that
 * fails (Redis gone, the client closing with publishes queued) is an unhandled rejection, and an
 * unhandled rejection ends a Node process. This client's publishes log their failure instead: the
 * sockets that missed the message catch up from the event log when they reconnect.
 */
export function logPublishFailures(client: IORedis, purpose: string): IORedis {
  const publish = client.publish.bind(client) as (...args: unknown[]) => Promise<number>;
  client.publish = (...args: unknown[]) => {
    const sent = publish(...args);
    sent.catch((err: unknown) =>
      logger.warn(`${purpose}: a publish failed (${err instanceof Error ? err.message : String(err)})`),
    );
    return sent;
  };
  return client;
}

/** Runs a pipeline (one write, one round trip); answers each reply in order, or rejects with the first error. */
export async function execAll(pipeline: {
  exec(): Promise<[Error | null, unknown][] | null>;
}): Promise<unknown[]> {
  const results = (await pipeline.exec()) ?? [];
  return results.map(([err, reply]) => {
    if (err) throw err;
    return reply;
  });
}

/**
 * Closes a client at shutdown: QUIT when Redis answers; a client still reconnecting would wait for
 * that forever, so it is dropped instead.
 */
export async function closeRedis(client: IORedis): Promise<void> {
  if (client.status === 'ready') await client.quit().catch(() => undefined);
  client.disconnect();
}

/**
 * Deletes every key under `prefix:` — how a test run or benchmark leaves a shared Redis as it found
 * it. The rate limits' storage wraps its keys in a hash tag (`{prefix:rate:…}:hits`), so those are
 * matched too.
 */
export async function deleteKeysWithPrefix(url: string, prefix: string): Promise<void> {
  const redis = new IORedis({ ...redisOptionsFromUrl(url), lazyConnect: true });
  await redis.connect();
  try {
    for (const pattern of [`${prefix}:*`, `{${prefix}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
        cursor = next;
        if (keys.length) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}
