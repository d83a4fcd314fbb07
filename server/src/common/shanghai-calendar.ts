/**
 * Days and months as the command centres count them: Beijing time, for every module that dates
 * something (the leaders' figures, the monthly report, the standing register's review dates).
 * China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact and needs no
 * time-zone database.
 */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The date in Asia/Shanghai at `now`, YYYY-MM-DD. */
export function shanghaiDateKey(now: Date): string {
  // Shifted so that its UTC fields read as the Shanghai wall clock.
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export interface PeriodStarts {
  /** 00:00 today, Asia/Shanghai. */
  dayStart: Date;
  /** 00:00 on the 1st of this month, Asia/Shanghai. */
  monthStart: Date;
  /** Today's date in Asia/Shanghai, YYYY-MM-DD. */
  dayKey: string;
}

export function shanghaiPeriodStarts(now: Date): PeriodStarts {
  // Shifted so that its UTC fields read as the Shanghai wall clock.
  const wall = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth();
  const date = wall.getUTCDate();
  return {
    dayStart: new Date(Date.UTC(year, month, date) - SHANGHAI_OFFSET_MS),
    monthStart: new Date(Date.UTC(year, month, 1) - SHANGHAI_OFFSET_MS),
    dayKey: shanghaiDateKey(now),
  };
}

/** A calendar month in Beijing time: `from` its first midnight, `to` the next month's (exclusive). */
export interface ShanghaiMonth {
  from: Date;
  to: Date;
}

/** The month `YYYY-MM` (already checked against REPORT_MONTH_PATTERN) as instants. */
export function shanghaiMonth(month: string): ShanghaiMonth {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  return {
    from: new Date(Date.UTC(year, monthNumber - 1, 1) - SHANGHAI_OFFSET_MS),
    // Date.UTC rolls month 12 over into January of the next year.
    to: new Date(Date.UTC(year, monthNumber, 1) - SHANGHAI_OFFSET_MS),
  };
}

/** The month `now` falls in, in Beijing time, as `YYYY-MM`. */
export function shanghaiMonthKey(now: Date): string {
  return shanghaiDateKey(now).slice(0, 7);
}
