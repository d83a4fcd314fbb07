import { Injectable, Logger } from '@nestjs/common';
import type { EventRecord } from './event.entity';
import { LiveEmitter } from './live-emitter';
import { envelopeOf } from './live-envelope';

/**
 * The fast path: the process that committed a change delivers its events at once, the way the
 * delivery worker does (LiveEmitter.deliver: each event published with its delivered mark, in one
 * step). It saves the relay's transaction and the queue hop on every event. The outbox → queue →
 * worker path still carries every event and delivers whatever this path did not (Redis down at
 * commit, a crash right after it). It never waits for Redis, so an outage never holds up a request.
 *
 * Order: one connection answers in order, so a process emits its commits in commit order. Two
 * processes changing the same dispatch within the same millisecond could cross; events carry ids.
 */
@Injectable()
export class CommitDelivery {
  private readonly logger = new Logger(CommitDelivery.name);

  constructor(private readonly live: LiveEmitter) {}

  /** Fire and forget: a failure here only means the worker path delivers these events instead. */
  deliver(records: readonly EventRecord[]): void {
    if (records.length === 0 || !this.live.ready) return;
    const deliveries = records.map((record) => ({ envelope: envelopeOf(record), rooms: record.rooms }));
    this.live
      .deliver(deliveries)
      .catch((err: unknown) =>
        this.logger.debug(`fast path skipped: ${err instanceof Error ? err.message : String(err)}`),
      );
  }
}
