import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { DispatchView } from '@whistle/shared';
import type { DispatchChangesJob } from '../queues/dispatch-changes-job';
import { FAILED_JOBS_KEPT, QUEUES, type QueueKey } from '../queues/queue-names';
import { producerConnectionOptions } from '../queues/redis';
import { EventRecord } from './event.entity';
import { envelopeOf, type DeliveryJob } from './live-envelope';

const BATCH = 500;
/**
 * Committing processes emit their events themselves (CommitDelivery); the relay only has to carry
 * dispatch changes on to the deadline timers (minutes long) and catch what that missed, so it waits this long
 * after a commit and takes every row committed meanwhile in one pass. At 100 whistles a second
 * that is one relay transaction and one queue job for ~20 whistles instead of one for every two.
 */
const COALESCE_MS = 200;

/**
 * Moves committed outbox rows on, oldest first, two ways: every event to the live queue (the
 * delivery worker emits what the fast path did not), and the batch's dispatch changes to the
 * dispatch-changes queue, which the deadline timers follow. Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several processes can relay side by side; a row is stamped only in
 * the transaction that queued it, so if Redis is down nothing is stamped and the next pass retries
 * (both consumers recognise a batch they have seen).
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private soon: NodeJS.Timeout | undefined;
  private again = false;
  private stopped = false;
  private failing = false;
  private readonly queue: Queue<DeliveryJob>;
  private readonly dispatchChanges: Queue<DispatchChangesJob>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.queue = this.producer('live');
    this.dispatchChanges = this.producer('dispatchChanges');
  }

  private producer<T>(key: QueueKey): Queue<T> {
    return new Queue<T>(QUEUES[key].name, {
      connection: producerConnectionOptions(this.config.REDIS_URL),
      prefix: `${this.config.REDIS_PREFIX}:bull`,
      defaultJobOptions: {
        removeOnComplete: { age: QUEUES[key].keepCompletedSeconds },
        removeOnFail: FAILED_JOBS_KEPT,
        attempts: 5,
        backoff: { type: 'exponential', delay: 200 },
      },
    });
  }

  onModuleInit(): void {
    this.timer = setInterval(() => this.kick(), this.config.OUTBOX_POLL_MS);
    this.timer.unref();
    this.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    await this.running;
    await Promise.all([this.close(this.queue), this.close(this.dispatchChanges)]);
  }

  private async close(queue: Queue): Promise<void> {
    try {
      await queue.close();
    } catch (err) {
      // A producer still reconnecting after an outage cannot QUIT (it queues nothing offline):
      // its connection is dropped instead. Not awaited: a client between reconnects never reports
      // its end (taskforcesh/bullmq#4656), and the shutdown must not wait for that.
      this.logger.warn(`outbox producer ${queue.name} closed without QUIT: ${String(err)}`);
      void queue.disconnect().catch(() => undefined);
    }
  }

  /** After a commit: drain shortly, once for all the commits of that moment. */
  kickSoon(): void {
    if (this.stopped || this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      this.kick();
    }, COALESCE_MS);
  }

  /** Drain now; kicks during a drain are folded into one more pass. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = null;
    });
  }

  private async drainLoop(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.relayBatch()) === BATCH);
        if (this.failing) this.logger.log('outbox relay recovered');
        this.failing = false;
      } catch (err) {
        if (!this.failing)
          this.logger.warn(`outbox relay paused: ${err instanceof Error ? err.message : String(err)}`);
        this.failing = true;
        return;
      }
    } while (this.again && !this.stopped);
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const claimed: { id: string; event_id: string }[] = await manager.query(
        `SELECT id, event_id FROM outbox WHERE relayed_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      if (claimed.length === 0) return 0;
      const events = await manager
        .getRepository(EventRecord)
        .createQueryBuilder('e')
        .where('e.id IN (:...ids)', { ids: claimed.map((c) => c.event_id) })
        .orderBy('e.id')
        .getMany();
      // One job per batch keeps ordering and per-event overhead low; the job id names the batch,
      // and the worker's per-event SET NX makes a re-relayed event reach nobody twice.
      const first = events[0]?.id;
      const last = events[events.length - 1]?.id;
      const changes = events.filter(
        (event) => event.type === 'dispatch.created' || event.type === 'dispatch.updated',
      );
      await Promise.all([
        this.queue.add(
          'deliver',
          { deliveries: events.map((event) => ({ envelope: envelopeOf(event), rooms: event.rooms })) },
          { jobId: `events-${first}-${last}` },
        ),
        changes.length > 0 &&
          this.dispatchChanges.add(
            'follow',
            {
              changes: changes.map((event) => ({
                eventId: event.id,
                dispatch: event.payload as DispatchView,
              })),
            },
            { jobId: `changes-${first}-${last}` },
          ),
      ]);
      // The stamp need not wait for its WAL flush: if a crash loses it, the rows are relayed again
      // and the worker's per-event claim keeps anyone from receiving them twice.
      await manager.query(`SET LOCAL synchronous_commit = off`);
      await manager.query(`UPDATE outbox SET relayed_at = now() WHERE id = ANY($1::bigint[])`, [
        claimed.map((c) => c.id),
      ]);
      return claimed.length;
    });
  }
}
