import { OPEN_INCIDENT_STATUSES, type GridLoadRow } from '@whistle/shared';
import { dispatchRateColumns, rateCountsOf, stageDue, type DispatchRateCounts } from './dispatch-rates';
import type { MetricsPeriod, TrendBuckets } from './metrics-period';
import { districtStreetIds } from './scope-filters';
import { sql, type SqlFragment } from './sql';
import {
  departmentDispatch,
  durationColumns,
  type DispatchTotalsRow,
  type RunQuery,
} from './summary-queries';

/*
 * The leaders' period queries, district-wide. Each row of a period is counted by when it
 * happened: incidents and whistles by creation, arrivals and resolutions by their own times,
 * department figures over the dispatches created in the period.
 */

const within = (column: SqlFragment, p: MetricsPeriod) => sql`${column} >= ${p.from} AND ${column} < ${p.to}`;

export interface TrendCountRow {
  kind: 'incidents' | 'whistles' | 'arrivals' | 'resolutions';
  bucket: number;
  count: number;
}

export function trendCounts(
  run: RunQuery,
  districtId: string,
  period: MetricsPeriod,
  buckets: TrendBuckets,
): Promise<TrendCountRow[]> {
  const streets = districtStreetIds(districtId);
  const originSeconds = buckets.origin.getTime() / 1000;
  const sizeSeconds = buckets.sizeMs / 1000;
  return run<TrendCountRow>(sql`
    SELECT e.kind AS "kind",
      floor((extract(epoch FROM e.at)::float8 - ${originSeconds}::float8) / ${sizeSeconds}::float8)::int AS "bucket",
      count(*)::int AS "count"
    FROM (
      SELECT 'incidents' AS kind, i.created_at AS at FROM incidents i
        WHERE i.district_id = ${districtId} AND ${within(sql`i.created_at`, period)}
      UNION ALL
      SELECT 'whistles', w.created_at FROM whistles w
        WHERE w.street_id IN ${streets} AND ${within(sql`w.created_at`, period)}
      UNION ALL
      SELECT 'arrivals', d.arrived_at FROM dispatches d
        WHERE ${departmentDispatch} AND d.street_id IN ${streets} AND ${within(sql`d.arrived_at`, period)}
      UNION ALL
      SELECT 'resolutions', d.resolved_at FROM dispatches d
        WHERE ${departmentDispatch} AND d.street_id IN ${streets} AND ${within(sql`d.resolved_at`, period)}
    ) e
    GROUP BY 1, 2`);
}

export interface DepartmentPeriodInput extends DispatchRateCounts {
  id: string;
  nameZh: string;
  nameEn: string;
  resolvedOnTime: number;
  resolveDue: number;
  overdue: number;
  averageRating: number | null;
  ratings: number;
}

/** Every department with the counts of the dispatches it was sent in the period. */
export function departmentPeriodRows(
  run: RunQuery,
  districtId: string,
  period: MetricsPeriod,
  now: Date,
): Promise<DepartmentPeriodInput[]> {
  const streets = districtStreetIds(districtId);
  return run<DepartmentPeriodInput>(sql`
    SELECT dep.id AS "id", dep.name_zh AS "nameZh", dep.name_en AS "nameEn", ${rateCountsOf('a')},
      COALESCE(a."resolvedOnTime", 0)::int AS "resolvedOnTime", COALESCE(a."resolveDue", 0)::int AS "resolveDue",
      COALESCE(a."overdue", 0)::int AS "overdue",
      rt.average AS "averageRating", COALESCE(rt.count, 0)::int AS "ratings"
    FROM departments dep
    LEFT JOIN (
      SELECT d.department_id, ${dispatchRateColumns(now)},
        count(*) FILTER (WHERE d.resolved_at <= d.resolve_by)::int AS "resolvedOnTime",
        count(*) FILTER (WHERE ${stageDue(sql`d.resolved_at`, sql`d.resolve_by`, now)})::int AS "resolveDue",
        count(*) FILTER (WHERE cardinality(d.overdue_stages) > 0)::int AS "overdue"
      FROM dispatches d
      WHERE ${departmentDispatch} AND d.street_id IN ${streets} AND ${within(sql`d.created_at`, period)}
      GROUP BY d.department_id
    ) a ON a.department_id = dep.id
    LEFT JOIN (
      -- Ratings of the period's dispatches, whenever given: a rating today of last month's work
      -- belongs to last month, so a department idle today does not top today's ranking.
      SELECT r.department_id, avg(r.score)::float8 AS average, count(*) AS count
      FROM ratings r JOIN dispatches d ON d.id = r.dispatch_id
      WHERE r.street_id IN ${streets} AND ${within(sql`d.created_at`, period)}
      GROUP BY r.department_id
    ) rt ON rt.department_id = dep.id
    ORDER BY dep.code`);
}

export interface StreetPeriodInput extends DispatchRateCounts {
  id: string;
  nameZh: string;
  nameEn: string;
  incidents: number;
  /** Incidents of the period resolved (not `resolved`, the dispatch count of DispatchRateCounts). */
  incidentsResolved: number;
  verified: number;
  satisfied: number;
  answers: number;
  whistles: number;
}

/**
 * Every street of the district with its incidents and whistles of the period, and the counts of
 * the department dispatches it sent in the period (its score weighs them as the live ranking does).
 */
export function streetPeriodRows(
  run: RunQuery,
  districtId: string,
  period: MetricsPeriod,
  now: Date,
): Promise<StreetPeriodInput[]> {
  const streets = districtStreetIds(districtId);
  return run<StreetPeriodInput>(sql`
    SELECT s.id AS "id", s.name_zh AS "nameZh", s.name_en AS "nameEn", ${rateCountsOf('a')},
      COALESCE(inc.incidents, 0)::int AS "incidents", COALESCE(inc.resolved, 0)::int AS "incidentsResolved",
      COALESCE(inc.verified, 0)::int AS "verified", COALESCE(inc.satisfied, 0)::int AS "satisfied",
      COALESCE(inc.answers, 0)::int AS "answers", COALESCE(wh.count, 0)::int AS "whistles"
    FROM streets s
    LEFT JOIN (
      SELECT i.street_id,
        count(*) AS incidents,
        count(*) FILTER (WHERE i.status IN ('resolved', 'verified', 'closed')) AS resolved,
        count(*) FILTER (WHERE i.status IN ('verified', 'closed')) AS verified,
        count(*) FILTER (WHERE i.citizen_satisfaction IN ('satisfied', 'basically_satisfied')) AS satisfied,
        count(*) FILTER (WHERE i.citizen_satisfaction IS NOT NULL) AS answers
      FROM incidents i
      WHERE i.district_id = ${districtId} AND i.status NOT IN ('merged', 'rejected')
        AND ${within(sql`i.created_at`, period)}
      GROUP BY i.street_id
    ) inc ON inc.street_id = s.id
    LEFT JOIN (
      SELECT w.street_id, count(*) AS count FROM whistles w
      WHERE w.street_id IN ${streets} AND ${within(sql`w.created_at`, period)} GROUP BY w.street_id
    ) wh ON wh.street_id = s.id
    LEFT JOIN (
      SELECT d.street_id, ${dispatchRateColumns(now)} FROM dispatches d
      WHERE ${departmentDispatch} AND d.street_id IN ${streets} AND ${within(sql`d.created_at`, period)}
      GROUP BY d.street_id
    ) a ON a.street_id = s.id
    WHERE s.district_id = ${districtId}
    ORDER BY s.code`);
}

export type PeriodDurationRow = Pick<
  DispatchTotalsRow,
  | 'acceptCount'
  | 'acceptP50'
  | 'acceptP90'
  | 'arriveCount'
  | 'arriveP50'
  | 'arriveP90'
  | 'resolveCount'
  | 'resolveP50'
  | 'resolveP90'
>;

/** Times to accept, arrive and resolve of the department dispatches sent in the period. */
export async function periodDurations(
  run: RunQuery,
  districtId: string,
  period: MetricsPeriod,
): Promise<PeriodDurationRow> {
  const [row] = await run<PeriodDurationRow>(sql`
    SELECT ${durationColumns('accept', sql`d.accepted_at`)},
      ${durationColumns('arrive', sql`d.arrived_at`)},
      ${durationColumns('resolve', sql`d.resolved_at`)}
    FROM dispatches d
    WHERE ${departmentDispatch} AND d.street_id IN ${districtStreetIds(districtId)}
      AND ${within(sql`d.created_at`, period)}`);
  if (!row) throw new Error('aggregate query returned no row');
  return row;
}

const openStatuses = sql`${[...OPEN_INCIDENT_STATUSES]}::incident_status[]`;

/** Grids with incidents reported in the period or open now; the others have nothing to show. */
export function gridLoadRows(
  run: RunQuery,
  districtId: string,
  period: MetricsPeriod,
): Promise<GridLoadRow[]> {
  const inPeriod = within(sql`i.created_at`, period);
  return run<GridLoadRow>(sql`
    SELECT i.grid_id AS "gridId",
      count(*) FILTER (WHERE ${inPeriod})::int AS "reported",
      count(*) FILTER (WHERE i.status = ANY(${openStatuses}))::int AS "open"
    FROM incidents i
    WHERE i.district_id = ${districtId} AND (${inPeriod} OR i.status = ANY(${openStatuses}))
    GROUP BY i.grid_id
    ORDER BY i.grid_id`);
}
