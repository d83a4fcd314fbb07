import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { rooms, type LiveEvent } from '@whistle/shared';
import type IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { LiveEmitter } from '../events/live-emitter';
import { redisClient } from '../queues/redis';
import { MetricsService } from './metrics.service';
import { shanghaiPeriodStarts } from '../common/shanghai-calendar';
import { sectionFingerprints, updateSince, type SectionFingerprints } from './summary-fingerprint';

/** Pushed fingerprints and markers only matter while a deployment runs; let old ones go. */
const STATE_TTL_SECONDS = 86_400;
const SHUTDOWN_WAIT_MS = 2_000;
/** How far below the newest event a late commit is still noticed. */
const RECENT_EVENT_WINDOW = 1_000;

/**
 * Worker role: pushes each district's summary to `district:<id>` when it changes. A tick does
 * nothing unless the event log grew (or the Shanghai day turned), and emits only summaries whose
 * content differs from the last one pushed. The lock, the last marker and the last fingerprints
 * live in Redis, so several workers share one pace and never push the same summary twice.
 */
@Injectable()
export class MetricsPusher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsPusher.name);
  /** The pushes' own state: the turn lock, the last marker and fingerprints. */
  private readonly redis: IORedis;
  private readonly lockToken = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | null = null;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly metrics: MetricsService,
    private readonly live: LiveEmitter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.redis = redisClient(config.REDIS_URL, 'metrics push');
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.METRICS_PUSH_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    // A tick stuck on an unreachable Redis must not hold the shutdown up; the unref'd timers
    // left behind when the race is won must not hold the process up either.
    const giveUp = () => delay(SHUTDOWN_WAIT_MS, undefined, { ref: false });
    await Promise.race([this.running, giveUp()]);
    await Promise.race([this.redis.quit().catch(() => undefined), giveUp()]);
    this.redis.disconnect();
  }

  private tick(): void {
    if (this.running || this.stopped) return;
    this.running = this.pushIfChanged()
      .then(() => {
        if (this.failing) this.logger.log('metrics push recovered');
        this.failing = false;
      })
      .catch((err: unknown) => {
        // Logged once per outage, not once a second.
        if (!this.failing) {
          this.logger.warn(`metrics push failed: ${err instanceof Error ? err.message : String(err)}`);
        }
        this.failing = true;
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** One tick; returns how many districts were pushed. Public so tests need not wait for the timer. */
  async pushIfChanged(now: Date = new Date()): Promise<number> {
    if (!(await this.takeTurn())) return 0;
    const markerKey = this.key('marker');
    const marker = await this.changeMarker(now);
    if ((await this.redis.get(markerKey)) === marker) return 0;
    const districts = await this.dataSource.query<{ id: string }[]>('SELECT id FROM districts ORDER BY id');
    let pushed = 0;
    for (const { id } of districts) {
      if (this.stopped) return pushed;
      if (await this.pushDistrict(id, now)) pushed++;
    }
    await this.redis.set(markerKey, marker, 'EX', STATE_TTL_SECONDS);
    return pushed;
  }

  /**
   * SET NX PX: one worker per tick across the deployment. The lock is not released but expires a
   * little before the next tick, which keeps pushes at most about once per METRICS_PUSH_MS.
   */
  private async takeTurn(): Promise<boolean> {
    const ttl = Math.max(100, Math.floor(this.config.METRICS_PUSH_MS * 0.9));
    return (await this.redis.set(this.key('lock'), this.lockToken, 'PX', ttl, 'NX')) === 'OK';
  }

  /**
   * Changes when an event is logged, and when the day turns (the today/month counts reset). Ids
   * are taken before commit, so an event can land below the max; counting the rows near the top
   * of the log catches it.
   */
  private async changeMarker(now: Date): Promise<string> {
    const [row] = await this.dataSource.query<{ max: string | null; recent: number }[]>(
      `SELECT top.max::text AS max,
        (SELECT count(*) FROM events e WHERE e.id > top.max - ${RECENT_EVENT_WINDOW})::int AS recent
      FROM (SELECT max(id) AS max FROM events) top`,
    );
    return `${row?.max ?? '0'}:${row?.recent ?? 0}|${shanghaiPeriodStarts(now).dayKey}`;
  }

  private async pushDistrict(districtId: string, now: Date): Promise<boolean> {
    const summary = await this.metrics.summary({ kind: 'district', districtId }, now);
    const fingerprintKey = this.key(`pushed-sections:${districtId}`);
    const fingerprints = sectionFingerprints(summary);
    const pushed: SectionFingerprints = await this.redis.hgetall(fingerprintKey);
    const update = updateSince(summary, fingerprints, pushed);
    if (!update) return false;
    const envelope: LiveEvent<'metrics.updated'> = {
      id: await this.nextEventId(),
      type: 'metrics.updated',
      occurredAt: summary.generatedAt,
      payload: update,
    };
    // Sockets replaying the log skip it like any live event; they fetch the summary once caught up.
    this.live.emit([rooms.district(districtId)], envelope);
    await this.redis
      .multi()
      .hset(fingerprintKey, fingerprints)
      .expire(fingerprintKey, STATE_TTL_SECONDS)
      .exec();
    return true;
  }

  /** From the event log's own sequence, so ids stay monotonic for clients; never stored in the log. */
  private async nextEventId(): Promise<string> {
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `SELECT nextval(pg_get_serial_sequence('events', 'id'))::text AS id`,
    );
    if (!row) throw new Error('events id sequence returned nothing');
    return row.id;
  }

  private key(name: string): string {
    return `${this.config.REDIS_PREFIX}:metrics:${name}`;
  }
}
