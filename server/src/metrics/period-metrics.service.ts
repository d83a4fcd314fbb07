import { Injectable } from '@nestjs/common';
import {
  departmentScore,
  rankByScore,
  type DepartmentPeriodRow,
  type GridLoad,
  type MetricsRankings,
  type MetricsTrends,
  type StreetPeriodRow,
  type TrendBucket,
  type TrendPoint,
} from '@whistle/shared';
import { DataSource } from 'typeorm';
import { departmentPerformance, ratio } from './dispatch-rates';
import type { MetricsPeriod, TrendBuckets } from './metrics-period';
import { trendBuckets } from './metrics-period';
import {
  departmentPeriodRows,
  gridLoadRows,
  streetPeriodRows,
  trendCounts,
  type DepartmentPeriodInput,
  type StreetPeriodInput,
  type TrendCountRow,
} from './period-queries';
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
    const [departments, streets] = await readSnapshot(this.dataSource, (run) =>
      Promise.all([
        departmentPeriodRows(run, districtId, period, now),
        streetPeriodRows(run, districtId, period),
      ]),
    );
    return {
      ...isoPeriod(period),
      departments: rankDepartmentPeriod(departments),
      streets: streets.map(streetPeriodRow),
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
      const averageRating = row.averageRating === null ? null : Math.round(row.averageRating * 100) / 100;
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

export function streetPeriodRow(row: StreetPeriodInput): StreetPeriodRow {
  return {
    id: row.id,
    nameZh: row.nameZh,
    nameEn: row.nameEn,
    incidents: row.incidents,
    whistles: row.whistles,
    resolutionRate: ratio(row.resolved, row.incidents),
    verifiedRate: ratio(row.verified, row.resolved),
    satisfactionRate: ratio(row.satisfied, row.answers),
    satisfactionAnswers: row.answers,
  };
}
