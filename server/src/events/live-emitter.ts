import { Emitter } from '@socket.io/redis-emitter';
import type IORedis from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { logPublishFailures, redisClient } from '../queues/redis';
import type { Broadcast } from './local-broadcast';
import type { Delivery } from './live-envelope';

/** The socket.io adapter's channel prefix; the gateway's Redis adapter uses the same key. */
export function socketIoKey(redisPrefix: string): string {
  return `${redisPrefix}:socket.io`;
}

/**
 * Sockets still catching up from the event log sit in this room; live deliveries skip it, so a
 * reconnecting client gets what it missed in order before anything new.
 */
export const REPLAYING_ROOM = 'replaying';

/**
 * Set (NX) by whoever emits an event first — the committing process or the delivery worker — so
 * nobody receives an event twice. Kept a week: longer than any outbox row waits for Redis.
 */
function deliveredKey(redisPrefix: string, eventId: string): string {
  return `${redisPrefix}:delivered:${eventId}`;
}

export const DELIVERED_TTL_SECONDS = 7 * 86_400;

/** Emits to socket.io rooms through Redis, from any process: the worker role has no socket server. */
export function createLiveEmitter(
  redisUrl: string,
  redisPrefix: string,
  purpose: string,
  overrides: RedisOptions = {},
): { emitter: Emitter; redis: IORedis } {
  const redis = logPublishFailures(redisClient(redisUrl, purpose, overrides), purpose);
  return { emitter: new Emitter(redis, { key: socketIoKey(redisPrefix) }), redis };
}

/** Broadcasts through a Redis emitter: for processes without a socket server of their own. */
export function emitterBroadcast(emitter: Emitter): Broadcast {
  return (rooms, envelope) =>
    emitter
      .to([...rooms])
      .except(REPLAYING_ROOM)
      .emit(envelope.type, envelope);
}

/**
 * Claims each event (SET NX on its delivered key) on `redis`, then broadcasts the ones this caller
 * claimed to their rooms. Claim first: a batch run twice reaches nobody twice. Rejects on the
 * first claim error, after broadcasting the events claimed before it.
 */
export async function emitUnclaimed(
  redis: IORedis,
  redisPrefix: string,
  deliveries: readonly Delivery[],
  broadcast: Broadcast,
): Promise<void> {
  const claims = redis.pipeline();
  for (const { envelope } of deliveries)
    claims.set(deliveredKey(redisPrefix, envelope.id), '1', 'EX', DELIVERED_TTL_SECONDS, 'NX');
  const results = (await claims.exec()) ?? [];
  deliveries.forEach(({ envelope, rooms }, i) => {
    const [err, claimed] = results[i] ?? [null, null];
    if (err) throw err;
    if (claimed === 'OK' && rooms.length > 0) broadcast(rooms, envelope);
  });
}
