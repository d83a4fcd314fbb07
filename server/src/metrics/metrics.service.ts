import { Injectable } from '@nestjs/common';
import type { DurationStats, MetricsSummary } from '@whistle/shared';
import { DataSource } from 'typeorm';
import { ratio, reopenRate, resolutionRate } from './dispatch-rates';
import { summaryScopeOf, type MetricsScope } from './metrics-scope';
import { openSection } from './open-counts';
import { ratingFigures } from './rating-figures';
import { rankDepartments, rankStreets, streetWhistleRate } from './rankings';
import { shanghaiPeriodStarts } from './shanghai-calendar';
import { renderSql, type SqlFragment } from './sql';
import { departmentRows, streetRows } from './ranking-queries';
import {
  dispatchTotals,
  openIncidents,
  openWhistles,
  overdueNow,
  whistleTotals,
  type RunQuery,
} from './summary-queries';

/** The leaders' live numbers (DESIGN.md §4) for a district, a street or a department. */
@Injectable()
export class MetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async summary(scope: MetricsScope, now: Date = new Date()): Promise<MetricsSummary> {
    const run: RunQuery = <Row>(query: SqlFragment) => {
      const { text, params } = renderSql(query);
      return this.dataSource.query<Row[]>(text, params);
    };
    const periods = shanghaiPeriodStarts(now);
    // Independent aggregates: run side by side on the pool rather than one after another.
    const [dispatches, overdue, incidentRows, whistleRows, whistles, ratings, departments, streets] =
      await Promise.all([
        dispatchTotals(run, scope, periods, now),
        overdueNow(run, scope),
        openIncidents(run, scope),
        openWhistles(run, scope),
        whistleTotals(run, scope, periods),
        // Live for the raters and above them, published snapshots for departments (背对背).
        ratingFigures(run, scope, now),
        departmentRows(run, scope.districtId, now),
        streetRows(run, scope.districtId, now),
      ]);
    // The streets the scope covers; a department's view has none of its own.
    const scopeStreets = streets.filter(
      (s) => scope.kind === 'district' || (scope.kind === 'street' && s.id === scope.streetId),
    );
    return {
      generatedAt: now.toISOString(),
      scope: summaryScopeOf(scope),
      open: openSection(incidentRows, whistleRows, {
        order: streets.map((s) => s.id),
        alwaysListed: scopeStreets.map((s) => s.id),
      }),
      overdueNow: overdue,
      whistles,
      departmentsReportedIn: { today: dispatches.reportedToday, month: dispatches.reportedMonth },
      timeTo: {
        accept: durationStats(dispatches.acceptCount, dispatches.acceptP50, dispatches.acceptP90),
        arrive: durationStats(dispatches.arriveCount, dispatches.arriveP50, dispatches.arriveP90),
        resolve: durationStats(dispatches.resolveCount, dispatches.resolveP50, dispatches.resolveP90),
      },
      rates: {
        resolution: resolutionRate(dispatches),
        reopen: reopenRate(dispatches),
        // Of the arrivals, the share on time (按时报到率); the ranking also counts missing ones.
        onTimeArrival: ratio(dispatches.arrivedOnTime, dispatches.arrived),
      },
      whistleRateByStreet: scopeStreets.map((s) => ({
        streetId: s.id,
        incidents: s.incidents,
        whistles: s.whistles,
        rate: streetWhistleRate(s),
      })),
      ratings: ratings.own,
      // District-wide in every scope. Its ratings, and so its scores, are the viewer's rating figures.
      departmentRanking: rankDepartments(
        departments.map((row) => {
          const { average, count } = ratings.ofDepartment(row.id);
          return { ...row, averageRating: average, ratings: count };
        }),
      ),
      streetRanking: rankStreets(streets),
    };
  }
}

function durationStats(count: number, p50: number | null, p90: number | null): DurationStats {
  const seconds = (v: number | null) => (v === null ? null : Math.round(v));
  return { count, p50Seconds: seconds(p50), p90Seconds: seconds(p90) };
}
