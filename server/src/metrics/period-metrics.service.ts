import { Injectable } from '@nestjs/common';
import {
  departmentScore,
  rankByScore,
  streetScore,
  type DepartmentPeriodRow,
  type DepartmentStandingView,
  type GridLoad,
  type MetricsRankings,
  type MetricsTrends,
  type StreetPeriodRow,
  type TrendBucket,
  type TrendPoint,
} from '@whistle/shared';
import { DataSource } from 'typeorm';
import { departmentPerformance, ratio, shownRating } from './dispatch-rates';
import type { MetricsPeriod, TrendBuckets } from './metrics-period';
import { trendBuckets } from './metrics-period';
import {
  departmentPeriodRows,
  gridLoadRows,
  periodDurations,
  streetPeriodRows,
  trendCounts,
  type DepartmentPeriodInput,
  type StreetPeriodInput,
  type TrendCountRow,
} from './period-queries';
import { durationStats } from './metrics.service';
import { disclose } from './rating-disclosure';
import { publishRatingSnapshots, readSnapshots } from './rating-snapshots';
import { streetPerformance } from './rankings';
import { readSnapshot, runOnPool } from './snapshot-read';

/** The leaders' view over a chosen period (trends, rankings, grid load), district-wide. */
@Injectable()
export class PeriodMetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async trends(districtId: string, period: MetricsPeriod, bucket: TrendBucket): Promise<MetricsTrends> {
    const buckets = trendBuckets(period, bucket);
    const rows = await trendCounts(runOnPool(this.dataSource), districtId, period, buckets);
    return { ...isoPeriod(period), bucket, points: trendPoints(buckets, rows) };
  }

  async rankings(districtId: string, period: MetricsPeriod, now = new Date()): Promise<MetricsRankings> {
    // One snapshot, so the departments' and the streets' tables count the same dispatches.
    const [departments, streets, durations] = await readSnapshot(this.dataSource, (run) =>
      Promise.all([
        departmentPeriodRows(run, districtId, period, now),
        streetPeriodRows(run, districtId, period, now),
        periodDurations(run, districtId, period),
      ]),
    );
    return {
      ...isoPeriod(period),
      timeTo: {
        accept: durationStats(durations.acceptCount, durations.acceptP50, durations.acceptP90),
        arrive: durationStats(durations.arriveCount, durations.arriveP50, durations.arriveP90),
        resolve: durationStats(durations.resolveCount, durations.resolveP50, durations.resolveP90),
      },
      departments: rankDepartmentPeriod(departments),
      streets: rankStreetPeriod(streets),
    };
  }

  /**
   * One department's score and rank over the period, for the department itself: every department
   * is scored with the ratings published to departments (rating-disclosure.ts), never the live
   * ones, and only the caller's own line leaves this method.
   */
  async departmentStanding(
    districtId: string,
    departmentId: string,
    period: MetricsPeriod,
    now = new Date(),
  ): Promise<DepartmentStandingView> {
    // A write, so before the read-only snapshot (as the live summary does for departments).
    await publishRatingSnapshots(runOnPool(this.dataSource), districtId, now);
    const [rows, snapshots] = await readSnapshot(this.dataSource, (run) =>
      Promise.all([departmentPeriodRows(run, districtId, period, now), readSnapshots(run, districtId)]),
    );
    const ranked = rankDepartmentPeriod(
      rows.map((row) => {
        const published = disclose(snapshots.get(row.id));
        return { ...row, averageRating: published.average, ratings: published.count ?? 0 };
      }),
    );
    const own = ranked.find((row) => row.id === departmentId);
    return {
      ...isoPeriod(period),
      departmentId,
      dispatches: own?.dispatches ?? 0,
      score: own?.score ?? 0,
      rank: own?.rank ?? ranked.length,
      ranked: ranked.length,
    };
  }

  async gridLoad(districtId: string, period: MetricsPeriod): Promise<GridLoad> {
    return {
      ...isoPeriod(period),
      grids: await gridLoadRows(runOnPool(this.dataSource), districtId, period),
    };
  }
}

function isoPeriod(period: MetricsPeriod): { from: string; to: string } {
  return { from: period.from.toISOString(), to: period.to.toISOString() };
}

/** Every bucket of the period, zero where nothing happened. */
export function trendPoints(buckets: TrendBuckets, rows: readonly TrendCountRow[]): TrendPoint[] {
  const points = buckets.starts.map((start) => ({
    start: start.toISOString(),
    incidents: 0,
    whistles: 0,
    arrivals: 0,
    resolutions: 0,
  }));
  for (const row of rows) {
    const point = points[row.bucket];
    if (point) point[row.kind] += row.count;
  }
  return points;
}

/** Scored with the shared department score, so the period ranking matches the live one's rules. */
export function rankDepartmentPeriod(rows: readonly DepartmentPeriodInput[]): DepartmentPeriodRow[] {
  return rankByScore(
    rows.map((row) => {
      const averageRating = shownRating(row.averageRating);
      const performance = departmentPerformance(row, averageRating);
      return {
        id: row.id,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        dispatches: row.dispatches,
        onTimeAcceptRate: performance.responseRate,
        onTimeArriveRate: performance.onTimeArrivalRate,
        onTimeResolveRate: ratio(row.resolvedOnTime, row.resolveDue),
        averageRating,
        ratings: row.ratings,
        overdue: row.overdue,
        score: departmentScore(performance),
      };
    }),
  );
}

/**
 * Scored with the shared street score over the period, by the live street ranking's rules: the
 * dispatches the street sent (resolved, not re-opened) and its whistle rate.
 */
export function rankStreetPeriod(rows: readonly StreetPeriodInput[]): StreetPeriodRow[] {
  return rankByScore(
    rows.map((row) => {
      const performance = streetPerformance(row);
      return {
        id: row.id,
        nameZh: row.nameZh,
        nameEn: row.nameEn,
        incidents: row.incidents,
        whistles: row.whistles,
        resolutionRate: ratio(row.incidentsResolved, row.incidents),
        verifiedRate: ratio(row.verified, row.incidentsResolved),
        satisfactionRate: ratio(row.satisfied, row.answers),
        satisfactionAnswers: row.answers,
        whistleRate: performance.whistleRate,
        score: streetScore(performance),
      };
    }),
  );
}
