import type { TrendBucket } from '@whistle/shared';

/**
 * The leaders' periods, counted in Beijing time whatever the browser's own time zone is: the
 * server buckets days the same way, so "today" here is "today" on the trend chart.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;
const MINUTE_MS = 60_000;

export const PERIOD_KINDS = ['today', 'week', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface PeriodChoice {
  kind: PeriodKind;
  /** Custom period, Beijing dates YYYY-MM-DD, both days included. */
  startDate?: string;
  endDate?: string;
}

export interface Period {
  from: string;
  to: string;
  bucket: TrendBucket;
  /** First and last Beijing day covered, for labels and file names. */
  firstDay: string;
  lastDay: string;
}

/** 00:00 Beijing time of the day `ms` falls in. */
export function beijingMidnight(ms: number): number {
  const local = ms + OFFSET_MS;
  return local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS;
}

/** The Beijing date (YYYY-MM-DD) of an instant. */
export function beijingDate(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
}

function midnightOf(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The query period of a choice at `now`. Rolling periods end at the next whole minute, so the
 * query key (and the cache) stays the same for a minute rather than changing every render.
 * Returns null for a custom period that is incomplete or reversed.
 */
export function periodOf(choice: PeriodChoice, now: number): Period | null {
  const end = Math.ceil((now + 1) / MINUTE_MS) * MINUTE_MS;
  const today = beijingMidnight(now);
  const rolling = (days: number, bucket: TrendBucket): Period => ({
    from: new Date(today - (days - 1) * DAY_MS).toISOString(),
    to: new Date(end).toISOString(),
    bucket,
    firstDay: beijingDate(today - (days - 1) * DAY_MS),
    lastDay: beijingDate(now),
  });
  switch (choice.kind) {
    case 'today':
      return rolling(1, 'hour');
    case 'week':
      return rolling(7, 'day');
    case 'month':
      return rolling(30, 'day');
    case 'custom': {
      const start = midnightOf(choice.startDate ?? '');
      const last = midnightOf(choice.endDate ?? '');
      if (start === null || last === null || last < start) return null;
      const days = Math.round((last - start) / DAY_MS) + 1;
      if (days > 366) return null;
      return {
        from: new Date(start).toISOString(),
        to: new Date(last + DAY_MS).toISOString(),
        bucket: days === 1 ? 'hour' : 'day',
        firstDay: choice.startDate ?? '',
        lastDay: choice.endDate ?? '',
      };
    }
  }
}

/** The period of equal length just before, for "change versus the previous period". */
export function previousPeriod(period: Period): Period {
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const span = to - from;
  return {
    ...period,
    from: new Date(from - span).toISOString(),
    to: new Date(from).toISOString(),
    firstDay: beijingDate(from - span),
    lastDay: beijingDate(from - 1),
  };
}
