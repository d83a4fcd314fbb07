import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import type { LiveEvent } from '@whistle/shared';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { closeRedis, logPublishFailures, redisClient } from '../queues/redis';
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

/**
 * The one way anything reaches a socket, in every role: the committing process's fast path, the
 * delivery worker and the metrics push all emit through this. It publishes through Redis (the
 * socket.io emitter), so it works in a worker with no socket server, and always on its own
 * connection — the one that then marks an event's claim done, so Redis sees the publish before
 * the mark (through a socket server's adapter, another connection, it might not).
 */
@Injectable()
export class LiveEmitter implements OnApplicationShutdown {
  private readonly redis: IORedis;
  private readonly emitter: Emitter;
  private readonly redisPrefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redisPrefix = config.REDIS_PREFIX;
    this.redis = logPublishFailures(redisClient(config.REDIS_URL, 'live emitter'), 'live emitter');
    this.emitter = new Emitter(this.redis, { key: socketIoKey(config.REDIS_PREFIX) });
  }

  /** Whether Redis answers now; the fast path skips (and leaves the event to the worker) when not. */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  /** Sends one event to rooms on every API process; sockets still replaying the log skip it. */
  emit(rooms: readonly string[], event: LiveEvent): void {
    if (rooms.length === 0) return;
    this.emitter
      .to([...rooms])
      .except(REPLAYING_ROOM)
      .emit(event.type, event);
  }

  /**
   * The fast path: claims each event (`pending`, SET NX), emits the ones this caller claimed, then
   * marks them `done`. Returns the events someone else has claimed but not yet marked done.
   * Rejects on a Redis error: events left `pending` by it are emitted by the worker once their
   * claim runs out.
   */
  async emitUnclaimed(deliveries: readonly Delivery[]): Promise<Delivery[]> {
    const key = (d: Delivery) => deliveredKey(this.redisPrefix, d.envelope.id);
    const claims = this.redis.pipeline();
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
    for (const { envelope, rooms } of claimed) this.emit(rooms, envelope);
    const marks = this.redis.pipeline();
    for (const d of claimed) marks.set(key(d), DONE, 'EX', DELIVERED_TTL_SECONDS, 'XX');
    await marks.exec();
    return elsewhere;
  }

  /**
   * The worker's delivery: emits what nobody has, then waits for events claimed elsewhere until
   * they are done — or, when their claimer died before publishing, until the claim runs out, and
   * emits them itself. Rejects if a claim stays pending past twice its lifetime (the job retries).
   */
  async emitEveryEvent(deliveries: readonly Delivery[], pollMs = 100): Promise<void> {
    const giveUpAt = Date.now() + 2 * PENDING_CLAIM_TTL_MS;
    let waiting = await this.emitUnclaimed(deliveries);
    while (waiting.length > 0) {
      if (Date.now() > giveUpAt)
        throw new Error(`${waiting.length} events stayed claimed without being published`);
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      waiting = await this.emitUnclaimed(waiting);
    }
  }

  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }
}
