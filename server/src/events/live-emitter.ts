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

/** An event's delivered mark, kept a week: longer than any outbox row waits for Redis. */
function deliveredKey(redisPrefix: string, eventId: string): string {
  return `${redisPrefix}:delivered:${eventId}`;
}

export const DELIVERED_TTL_SECONDS = 7 * 86_400;

/**
 * Publishes each event whose delivered mark it could set, in one script: the mark (SET NX) and
 * the publish happen together or not at all, so whoever runs it first — the committing process or
 * the delivery worker — delivers an event, and nobody delivers it twice or marks it without
 * publishing it. KEYS are the marks; ARGV[1] their lifetime, then each event's channel and message
 * (an empty channel: nobody to send it to). One round trip for a commit's events.
 */
const DELIVER_ONCE = `
local published = 0
for i, key in ipairs(KEYS) do
  if redis.call('SET', key, 'done', 'EX', ARGV[1], 'NX') then
    local channel = ARGV[2 * i]
    if channel ~= '' then redis.call('PUBLISH', channel, ARGV[2 * i + 1]) end
    published = published + 1
  end
end
return published`;

type Publication = [channel: string, message: Buffer];
type DeliverOnce = (keyCount: number, ...args: (string | Buffer | number)[]) => Promise<number>;

/**
 * The socket.io emitter writing to nothing: what it would publish for an emit (its channel and
 * notepack message, the format every API process's Redis adapter reads) is kept for the script.
 */
class PublicationCapture {
  private captured: Publication | null = null;

  publish(channel: string, message: Buffer): Promise<number> {
    this.captured = [channel, message];
    return Promise.resolve(0);
  }

  take(): Publication | null {
    const captured = this.captured;
    this.captured = null;
    return captured;
  }
}

/**
 * The one way anything reaches a socket, in every role: the committing process's fast path, the
 * delivery worker and the metrics push all emit through this. It publishes through Redis in the
 * socket.io emitter's format, so it works in a worker with no socket server, on its own
 * connection: one connection answers in order, so a process's commits go out in commit order.
 */
@Injectable()
export class LiveEmitter implements OnApplicationShutdown {
  private readonly redis: IORedis;
  private readonly capture = new PublicationCapture();
  private readonly encoder: Emitter;
  private readonly redisPrefix: string;
  private readonly deliverOnce: DeliverOnce;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redisPrefix = config.REDIS_PREFIX;
    this.redis = logPublishFailures(redisClient(config.REDIS_URL, 'live emitter'), 'live emitter');
    this.encoder = new Emitter(this.capture, { key: socketIoKey(config.REDIS_PREFIX) });
    // ioredis sends it by its SHA and loads it again whenever Redis answers NOSCRIPT (a restart).
    this.redis.defineCommand('deliverOnce', { lua: DELIVER_ONCE });
    const command = (this.redis as unknown as { deliverOnce: DeliverOnce }).deliverOnce;
    this.deliverOnce = command.bind(this.redis);
  }

  /** Whether Redis answers now; the fast path skips (and leaves the event to the worker) when not. */
  get ready(): boolean {
    return this.redis.status === 'ready';
  }

  /** Sends one event to rooms on every API process; sockets still replaying the log skip it. */
  emit(rooms: readonly string[], event: LiveEvent): void {
    const publication = this.publicationOf(rooms, event);
    if (publication) void this.redis.publish(...publication);
  }

  /**
   * Publishes every event not yet delivered and marks it delivered, in one round trip; answers how
   * many it published. Rejects on a Redis error, having published none of them: the outbox path
   * delivers them then (or the job retries).
   */
  deliver(deliveries: readonly Delivery[]): Promise<number> {
    if (deliveries.length === 0) return Promise.resolve(0);
    const keys = deliveries.map((d) => deliveredKey(this.redisPrefix, d.envelope.id));
    const messages = deliveries.flatMap(
      ({ envelope, rooms }) => this.publicationOf(rooms, envelope) ?? ['', ''],
    );
    return this.deliverOnce(keys.length, ...keys, DELIVERED_TTL_SECONDS, ...messages);
  }

  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }

  private publicationOf(rooms: readonly string[], event: LiveEvent): Publication | null {
    if (rooms.length === 0) return null;
    this.encoder
      .to([...rooms])
      .except(REPLAYING_ROOM)
      .emit(event.type, event);
    const publication = this.capture.take();
    if (!publication) throw new Error('the socket.io emitter published nothing for an emit');
    return publication;
  }
}
