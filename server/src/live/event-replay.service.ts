import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LiveEvent, ReplayTruncatedReason } from '@whistle/shared';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { eventsForRoomsAfter } from '../events/event-reads';
import { envelopeOf } from '../events/live-envelope';

const PAGE = 500;
/**
 * An event's id is taken inside its transaction, before the commit: one numbered below a client's
 * last event can still commit after it — after the client dropped, or while its first replay pass
 * ran. So a replay also sends again what its rooms logged up to this long before the resume point
 * (at most LOOK_BACK_IDS ids back); clients drop the events they already hold, by id.
 */
const LATE_COMMIT_SECONDS = 3;
const LOOK_BACK_IDS = 10_000;

/**
 * Reads the event log for a reconnecting client: every event of its rooms after `afterId`, in
 * order — as long as that is within the replay bound (REPLAY_MAX_EVENTS, REPLAY_MAX_AGE_MINUTES).
 * Past it the client refetches its views instead, so no reconnect reads the whole history.
 */
@Injectable()
export class EventReplay {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Why a replay from `afterId` would be past the bound, or null when it is within it. Age comes
   * first and needs only the primary key: the first event of the whole log after `afterId` says
   * how far back the client's gap reaches. Within that age the count query (served by the rooms
   * index) only ever looks at the last REPLAY_MAX_AGE_MINUTES of the log, and stops one past the
   * bound.
   */
  async pastBound(afterId: string, rooms: readonly string[]): Promise<ReplayTruncatedReason | null> {
    const [first] = await this.dataSource.query<{ too_old: boolean }[]>(
      `SELECT occurred_at < now() - make_interval(mins => $2) AS too_old
         FROM events WHERE id > $1 ORDER BY id LIMIT 1`,
      [afterId, this.config.REPLAY_MAX_AGE_MINUTES],
    );
    if (!first) return null; // nothing happened since: nothing to replay
    if (first.too_old) return 'age';
    const [{ missed }] = await this.dataSource.query<[{ missed: number }]>(
      `SELECT count(*)::int AS missed
         FROM (SELECT 1 FROM events WHERE id > $1 AND rooms && $2 LIMIT $3) AS gap`,
      [afterId, rooms, this.config.REPLAY_MAX_EVENTS + 1],
    );
    return missed > this.config.REPLAY_MAX_EVENTS ? 'count' : null;
  }

  /** The newest event id of the log, where a client past the bound resumes from. */
  async newestId(): Promise<string | null> {
    const [row] = await this.dataSource.query<{ id: string | null }[]>(
      `SELECT max(id)::text AS id FROM events`,
    );
    return row?.id ?? null;
  }

  async page(afterId: string, rooms: readonly string[]): Promise<LiveEvent[]> {
    const rows = await eventsForRoomsAfter(this.dataSource.manager, afterId, rooms, PAGE);
    return rows.map(envelopeOf);
  }

  /**
   * Calls `send` for every missed event, page by page, starting a little before `afterId` (see
   * LATE_COMMIT_SECONDS); returns the resume point after it (never below `afterId`).
   */
  async replay(
    afterId: string,
    rooms: readonly string[],
    send: (e: LiveEvent) => void,
  ): Promise<{ last: string; count: number }> {
    let from = await this.lookBackFrom(afterId, rooms);
    let last = afterId;
    let count = 0;
    for (;;) {
      const page = await this.page(from, rooms);
      for (const event of page) send(event);
      count += page.length;
      const tail = page[page.length - 1];
      if (tail) {
        from = tail.id;
        if (BigInt(tail.id) > BigInt(last)) last = tail.id;
      }
      if (page.length < PAGE) return { last, count };
    }
  }

  /** Where a replay from `afterId` starts: before its rooms' events of the last few seconds up to it. */
  private async lookBackFrom(afterId: string, rooms: readonly string[]): Promise<string> {
    const [row] = await this.dataSource.query<{ start: string | null }[]>(
      `SELECT (min(e.id) - 1)::text AS start
         FROM events e, (SELECT occurred_at FROM events WHERE id = $1) resume
        WHERE e.id <= $1 AND e.id > $1::bigint - $4 AND e.rooms && $2
          AND e.occurred_at >= resume.occurred_at - make_interval(secs => $3)`,
      [afterId, rooms, LATE_COMMIT_SECONDS, LOOK_BACK_IDS],
    );
    return row?.start ?? afterId;
  }
}
