import { Emitter } from '@socket.io/redis-emitter';
import type { LiveEvent } from '@whistle/shared';
import type IORedis from 'ioredis';
import type { RedisOptions } from 'ioredis';
import { logPublishFailures, redisClient } from '../queues/redis';
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
 * The claim on an event's delivery. Whoever emits an event first — the committing process or the
 * delivery worker — claims it `pending` (SET NX, short-lived), publishes it, then marks it `done`
 * (kept a week: longer than any outbox row waits for Redis). Nobody receives an event twice, and
 * a claimer that dies between claim and publish loses nothing: its claim runs out and the worker,
 * which waits for every claim to be done, emits the event itself.
 */
function deliveredKey(redisPrefix: string, eventId: string): string {
  return `${redisPrefix}:delivered:${eventId}`;
}

const PENDING = 'pending';
const DONE = 'done';
/** Long enough for a publish round trip under load; short enough that the worker's wait is brief. */
export const PENDING_CLAIM_TTL_MS = 5_000;
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

/** Sends one event to rooms on every API process (a PUBLISH on the emitter's Redis connection). */
export type Broadcast = (rooms: readonly string[], envelope: LiveEvent) => void;

/**
 * Broadcasts through a Redis emitter. Always the emitter, even in a process with a socket server:
 * its PUBLISH goes out on the connection that then marks the claim done, so Redis sees the publish
 * before the mark — through the socket server's adapter (another connection) it might not.
 */
export function emitterBroadcast(emitter: Emitter): Broadcast {
  return (rooms, envelope) =>
    emitter
      .to([...rooms])
      .except(REPLAYING_ROOM)
      .emit(envelope.type, envelope);
}

/**
 * Claims each event (`pending`, SET NX) on `redis`, publishes the ones this caller claimed through
 * `broadcast` (an emitter on the same connection), then marks them `done`. Returns the events
 * someone else has claimed but not yet marked done. Rejects on a Redis error: events left
 * `pending` by it are emitted by the worker once their claim runs out.
 */
export async function emitUnclaimed(
  redis: IORedis,
  redisPrefix: string,
  deliveries: readonly Delivery[],
  broadcast: Broadcast,
): Promise<Delivery[]> {
  const key = (d: Delivery) => deliveredKey(redisPrefix, d.envelope.id);
  const claims = redis.pipeline();
  for (const d of deliveries) claims.set(key(d), PENDING, 'PX', PENDING_CLAIM_TTL_MS, 'NX', 'GET');
  const results = (await claims.exec()) ?? [];
  const claimed: Delivery[] = [];
  const elsewhere: Delivery[] = [];
  deliveries.forEach((d, i) => {
    const [err, previous] = results[i] ?? [null, null];
    if (err) throw err;
    // SET … NX GET answers the value it found (nothing set), or null when it set ours.
    if (previous === null) claimed.push(d);
    else if (previous === PENDING) elsewhere.push(d);
  });
  if (claimed.length === 0) return elsewhere;
  for (const { envelope, rooms } of claimed) if (rooms.length > 0) broadcast(rooms, envelope);
  const marks = redis.pipeline();
  for (const d of claimed) marks.set(key(d), DONE, 'EX', DELIVERED_TTL_SECONDS, 'XX');
  await marks.exec();
  return elsewhere;
}

/**
 * The worker's delivery: emits what nobody has, then waits for events claimed elsewhere until
 * they are done — or, when their claimer died before publishing, until the claim runs out, and
 * emits them itself. Rejects if a claim stays pending past twice its lifetime (the job retries).
 */
export async function emitEveryEvent(
  redis: IORedis,
  redisPrefix: string,
  deliveries: readonly Delivery[],
  broadcast: Broadcast,
  pollMs = 100,
): Promise<void> {
  const giveUpAt = Date.now() + 2 * PENDING_CLAIM_TTL_MS;
  let waiting = await emitUnclaimed(redis, redisPrefix, deliveries, broadcast);
  while (waiting.length > 0) {
    if (Date.now() > giveUpAt)
      throw new Error(`${waiting.length} events stayed claimed without being published`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    waiting = await emitUnclaimed(redis, redisPrefix, waiting, broadcast);
  }
}
