import { BadRequestException } from '@nestjs/common';
import { MAX_PERIOD_DAYS, type TrendBucket } from '@whistle/shared';
import { SHANGHAI_OFFSET_MS } from '../common/shanghai-calendar';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface MetricsPeriod {
  from: Date;
  to: Date;
}

/**
 * A validated period: `from` before `to`, no longer than the bucket allows (so a trend never
 * asks for millions of points). Cross-field rules the DTO cannot express answer 400 with fields.
 */
export function checkPeriod(from: string, to: string, bucket: TrendBucket = 'day'): MetricsPeriod {
  const period = { from: new Date(from), to: new Date(to) };
  const span = period.to.getTime() - period.from.getTime();
  if (!(span > 0)) throw periodError('to', 'must be later than from');
  const maxDays = MAX_PERIOD_DAYS[bucket];
  if (span > maxDays * DAY_MS)
    throw periodError('to', `must be at most ${maxDays} days after from for ${bucket} buckets`);
  return period;
}

function periodError(field: string, message: string): BadRequestException {
  return new BadRequestException({
    message: `Invalid request: ${field} ${message}`,
    fields: { [field]: [`${field} ${message}`] },
  });
}

export interface TrendBuckets {
  /** Start of the first bucket (at or before `from`, on a Beijing hour or day boundary). */
  origin: Date;
  sizeMs: number;
  starts: Date[];
}

/** The buckets covering a period, aligned to Beijing hours or midnights. */
export function trendBuckets(period: MetricsPeriod, bucket: TrendBucket): TrendBuckets {
  const sizeMs = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const local = period.from.getTime() + SHANGHAI_OFFSET_MS;
  const origin = local - (((local % sizeMs) + sizeMs) % sizeMs) - SHANGHAI_OFFSET_MS;
  const starts: Date[] = [];
  for (let start = origin; start < period.to.getTime(); start += sizeMs) starts.push(new Date(start));
  return { origin: new Date(origin), sizeMs, starts };
}
