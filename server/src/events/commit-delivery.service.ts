import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Emitter } from '@socket.io/redis-emitter';
import type IORedis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { EventRecord } from './event.entity';
import { createLiveEmitter, emitterBroadcast, emitUnclaimed, type Broadcast } from './live-emitter';
import { envelopeOf } from './live-envelope';

/**
 * The fast path: the process that committed a change emits its events at once — claims each id
 * the way the delivery worker does, publishes the claimed ones and marks them done (see
 * emitUnclaimed). It saves the relay's transaction and the queue hop on every event. The outbox → queue → worker path still carries every event: it moves the
 * deadline timers, and emits whatever this path did not (Redis down at commit, a crash right after
 * it, or between claim and publish: the worker waits out such a claim). Its client fails fast, so
 * an outage never holds up a request.
 *
 * Order: one connection answers in order, so a process emits its commits in commit order. Two
 * processes changing the same dispatch within the same millisecond could cross; events carry ids.
 */
@Injectable()
export class CommitDelivery implements OnApplicationShutdown {
  private readonly logger = new Logger(CommitDelivery.name);
  private readonly live: { emitter: Emitter; redis: IORedis };
  private readonly viaEmitter: Broadcast;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.live = createLiveEmitter(config.REDIS_URL, config.REDIS_PREFIX, 'live fast path', {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    this.viaEmitter = emitterBroadcast(this.live.emitter);
  }

  /** Fire and forget: a failure here only means the worker path delivers these events instead. */
  deliver(records: readonly EventRecord[]): void {
    if (records.length === 0 || this.live.redis.status !== 'ready') return;
    const deliveries = records.map((record) => ({ envelope: envelopeOf(record), rooms: record.rooms }));
    emitUnclaimed(this.live.redis, this.config.REDIS_PREFIX, deliveries, this.viaEmitter).catch(
      (err: unknown) =>
        this.logger.debug(`fast path skipped: ${err instanceof Error ? err.message : String(err)}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.live.redis.quit().catch(() => undefined);
  }
}
