import { Injectable } from '@nestjs/common';
import type { DurationStats, MetricsSummary } from '@whistle/shared';
import { DataSource } from 'typeorm';
import { ratio, reopenRate, resolutionRate } from './dispatch-rates';
import { summaryScopeOf, type MetricsScope } from './metrics-scope';
import { openSection } from './open-counts';
import { ratingFigures } from './rating-figures';
import { rankDepartments, rankingShownTo, rankStreets, streetWhistleRate } from './rankings';
import { shanghaiPeriodStarts } from '../common/shanghai-calendar';
import { readSnapshot, runOnPool } from './snapshot-read';
import { ratingViewOf } from './rating-disclosure';
import { publishRatingSnapshots } from './rating-snapshots';
import { departmentRows, streetRows } from './ranking-queries';
import {
  citizenSatisfaction,
  dispatchTotals,
  openIncidents,
  openWhistles,
  overdueNow,
  whistleTotals,
} from './summary-queries';

/** The leaders' live numbers (DESIGN.md §4) for a district, a street or a department. */
@Injectable()
export class MetricsService {
  constructor(private readonly dataSource: DataSource) {}

  async summary(scope: MetricsScope, now: Date = new Date()): Promise<MetricsSummary> {
    const periods = shanghaiPeriodStarts(now);
    // A write, so before the read-only snapshot: departments see today's snapshot once it is due.
    if (ratingViewOf(scope) === 'published') {
      await publishRatingSnapshots(runOnPool(this.dataSource), scope.districtId, now);
    }
    // Independent aggregates, but of one snapshot: the district's totals and its rows must agree.
    const [
      dispatches,
      overdue,
      incidentRows,
      whistleRows,
      whistles,
      ratings,
      departments,
      streets,
      citizens,
    ] = await readSnapshot(this.dataSource, (run) =>
      Promise.all([
        dispatchTotals(run, scope, periods, now),
        overdueNow(run, scope),
        openIncidents(run, scope),
        openWhistles(run, scope),
        whistleTotals(run, scope, periods),
        // Live for the raters and above them, published snapshots for departments (背对背).
        ratingFigures(run, scope),
        departmentRows(run, scope.districtId, now),
        streetRows(run, scope.districtId, now),
        citizenSatisfaction(run, scope, periods),
      ]),
    );
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
      citizenSatisfaction: {
        rate: ratio(citizens.satisfied, citizens.answered),
        answered: citizens.answered,
      },
      // Ranked district-wide in every scope, on the viewer's rating figures; a department is shown
      // only its own row, with its rank among all (DESIGN: departments see their scores only in
      // aggregate, never another department's).
      departmentRanking: rankingShownTo(
        scope,
        rankDepartments(
          departments.map((row) => {
            const { average, count } = ratings.ofDepartment(row.id);
            return { ...row, averageRating: average, ratings: count };
          }),
        ),
      ),
      streetRanking: rankStreets(streets),
    };
  }
}

export function durationStats(count: number, p50: number | null, p90: number | null): DurationStats {
  const seconds = (v: number | null) => (v === null ? null : Math.round(v));
  return { count, p50Seconds: seconds(p50), p90Seconds: seconds(p90) };
}
