import type { IsoTime } from '../api/views';
import type { DurationStats } from './summary';

/**
 * The leaders' view over a chosen period: trends, rankings and grid load between `from`
 * (inclusive) and `to` (exclusive). Buckets follow Beijing time, as the command centres count days.
 */
export const TREND_BUCKETS = ['hour', 'day'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

/** Longest period a query may span: a year of days, or a week of hours. */
export const MAX_PERIOD_DAYS: Record<TrendBucket, number> = { day: 366, hour: 7 };

export interface MetricsPeriodQuery {
  from: IsoTime;
  to: IsoTime;
}

export interface MetricsTrendsQuery extends MetricsPeriodQuery {
  bucket?: TrendBucket;
}

export interface TrendPoint {
  /** Start of the bucket. */
  start: IsoTime;
  /** Incidents reported (merged and refused reports included: they were work to triage). */
  incidents: number;
  whistles: number;
  /** Department dispatches that reported in (报到) in the bucket. */
  arrivals: number;
  /** Department dispatches resolved (办结) in the bucket. */
  resolutions: number;
}

export interface MetricsTrends {
  from: IsoTime;
  to: IsoTime;
  bucket: TrendBucket;
  points: TrendPoint[];
}

/** One department over the period; rates are 0..1 or null when nothing was due. */
export interface DepartmentPeriodRow {
  id: string;
  nameZh: string;
  nameEn: string;
  dispatches: number;
  onTimeAcceptRate: number | null;
  onTimeArriveRate: number | null;
  onTimeResolveRate: number | null;
  averageRating: number | null;
  ratings: number;
  /** Dispatches that missed at least one stage deadline. */
  overdue: number;
  /** departmentScore of the period (shared/metrics/scoring). */
  score: number;
  rank: number;
}

export interface StreetPeriodRow {
  id: string;
  nameZh: string;
  nameEn: string;
  /** Incidents reported in the period, duplicates and refused reports left out. */
  incidents: number;
  whistles: number;
  /** Of those incidents, the share resolved (resolved, verified or closed). */
  resolutionRate: number | null;
  /** Of the resolved ones, the share the street verified (verified or closed). */
  verifiedRate: number | null;
  /** Citizens' 满意率: satisfied or basically satisfied, of those who answered. */
  satisfactionRate: number | null;
  satisfactionAnswers: number;
  /**
   * Whistles blown in the period per incident registered in it (吹哨率; the cockpit shows it per
   * 100 incidents). Null without incidents.
   */
  whistleRate: number | null;
  /** streetScore of the period (shared/metrics/scoring): the dispatches it sent and its whistle rate. */
  score: number;
  rank: number;
}

export interface MetricsRankings {
  from: IsoTime;
  to: IsoTime;
  /**
   * Times from dispatch to accept, arrive (报到) and resolve (办结), median and 90th percentile,
   * over the department dispatches sent in the period.
   */
  timeTo: { accept: DurationStats; arrive: DurationStats; resolve: DurationStats };
  departments: DepartmentPeriodRow[];
  streets: StreetPeriodRow[];
}

export interface GridLoadRow {
  gridId: string;
  /** Incidents reported in the grid during the period. */
  reported: number;
  /** Incidents of the grid open right now. */
  open: number;
}

export interface GridLoad {
  from: IsoTime;
  to: IsoTime;
  /** Only grids with something to show; the rest are zero. */
  grids: GridLoadRow[];
}
