import { DISPATCH_STATUSES, OPEN_INCIDENT_STATUSES, runningStage } from '@whistle/shared';
import { dispatchRateColumns, rateCountsOf, type DispatchRateCounts } from './dispatch-rates';
import type { MetricsScope } from './metrics-scope';
import type { PeriodStarts } from './shanghai-calendar';
import { dispatchesIn, districtStreetIds, openIncidentsIn, ratingsIn, whistlesIn } from './scope-filters';
import { rawSql, sql, type SqlFragment } from './sql';

/** Runs one query; rows come back with the column names the query gives them. */
export type RunQuery = <Row>(query: SqlFragment) => Promise<Row[]>;

const openIncidentStatuses = sql`${[...OPEN_INCIDENT_STATUSES]}::incident_status[]`;
const runningDispatchStatuses = sql`${DISPATCH_STATUSES.filter((s) => runningStage(s) !== null)}::dispatch_status[]`;
/** Duplicates and refused reports are not matters a street had to handle. */
const countedIncident = sql`i.status NOT IN ('merged', 'rejected')`;
/** The report-in mechanism is about departments; leaders' and streets' own tasks are not in the rates. */
const departmentDispatch = sql`d.assignee_kind = 'department'`;

function durationColumns(name: string, doneAt: SqlFragment): SqlFragment {
  const seconds = sql`extract(epoch FROM ${doneAt} - d.created_at)::float8`;
  // Quoted so the camelCase names the row types use survive; built from fixed names only.
  const alias = (suffix: string) => rawSql(`"${name}${suffix}"`);
  return sql`
    count(*) FILTER (WHERE ${doneAt} IS NOT NULL)::int AS ${alias('Count')},
    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) AS ${alias('P50')},
    percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}) AS ${alias('P90')}`;
}

export interface DispatchTotalsRow extends DispatchRateCounts {
  acceptCount: number;
  acceptP50: number | null;
  acceptP90: number | null;
  arriveCount: number;
  arriveP50: number | null;
  arriveP90: number | null;
  resolveCount: number;
  resolveP50: number | null;
  resolveP90: number | null;
  reportedToday: number;
  reportedMonth: number;
}

/** Durations, rates and departments reported in, over the scope's department dispatches. */
export async function dispatchTotals(
  run: RunQuery,
  scope: MetricsScope,
  periods: PeriodStarts,
  now: Date,
): Promise<DispatchTotalsRow> {
  const [row] = await run<DispatchTotalsRow>(sql`
    SELECT ${dispatchRateColumns(now)},
      ${durationColumns('accept', sql`d.accepted_at`)},
      ${durationColumns('arrive', sql`d.arrived_at`)},
      ${durationColumns('resolve', sql`d.resolved_at`)},
      count(DISTINCT d.department_id) FILTER (WHERE d.arrived_at >= ${periods.dayStart})::int AS "reportedToday",
      count(DISTINCT d.department_id) FILTER (WHERE d.arrived_at >= ${periods.monthStart})::int AS "reportedMonth"
    FROM dispatches d
    WHERE ${departmentDispatch} AND ${dispatchesIn(scope)}`);
  if (!row) throw new Error('aggregate query returned no row');
  return row;
}

/** Dispatches of any kind whose running stage is past its deadline. */
export async function overdueNow(run: RunQuery, scope: MetricsScope): Promise<number> {
  const rows = await run<{ overdue: number }>(sql`
    SELECT count(*)::int AS "overdue" FROM dispatches d
    WHERE d.status = ANY(${runningDispatchStatuses}) AND d.overdue_notices > 0 AND ${dispatchesIn(scope)}`);
  return rows[0]?.overdue ?? 0;
}

export interface OpenIncidentRow {
  streetId: string;
  category: string;
  incidents: number;
}

export function openIncidents(run: RunQuery, scope: MetricsScope): Promise<OpenIncidentRow[]> {
  return run<OpenIncidentRow>(sql`
    SELECT i.street_id AS "streetId", i.category AS "category", count(*)::int AS "incidents"
    FROM incidents i
    WHERE i.status = ANY(${openIncidentStatuses}) AND ${openIncidentsIn(scope)}
    GROUP BY i.street_id, i.category`);
}

export interface StreetCountRow {
  streetId: string;
  count: number;
}

/** A whistle is open while its incident is. */
export function openWhistles(run: RunQuery, scope: MetricsScope): Promise<StreetCountRow[]> {
  return run<StreetCountRow>(sql`
    SELECT w.street_id AS "streetId", count(*)::int AS "count"
    FROM whistles w JOIN incidents i ON i.id = w.incident_id
    WHERE i.status = ANY(${openIncidentStatuses}) AND ${whistlesIn(scope, true)}
    GROUP BY w.street_id`);
}

export interface WhistleTotalsRow {
  today: number;
  month: number;
  total: number;
}

export async function whistleTotals(
  run: RunQuery,
  scope: MetricsScope,
  periods: PeriodStarts,
): Promise<WhistleTotalsRow> {
  const rows = await run<WhistleTotalsRow>(sql`
    SELECT count(*) FILTER (WHERE w.created_at >= ${periods.dayStart})::int AS "today",
      count(*) FILTER (WHERE w.created_at >= ${periods.monthStart})::int AS "month",
      count(*)::int AS "total"
    FROM whistles w WHERE ${whistlesIn(scope, false)}`);
  return rows[0] ?? { today: 0, month: 0, total: 0 };
}

export interface RatingTotalsRow {
  average: number | null;
  count: number;
}

export async function ratingTotals(run: RunQuery, scope: MetricsScope): Promise<RatingTotalsRow> {
  const rows = await run<RatingTotalsRow>(sql`
    SELECT avg(r.score)::float8 AS "average", count(*)::int AS "count" FROM ratings r WHERE ${ratingsIn(scope)}`);
  return rows[0] ?? { average: null, count: 0 };
}

export interface NamedRow {
  id: string;
  nameZh: string;
  nameEn: string;
}

export type DepartmentRow = NamedRow & DispatchRateCounts & { averageRating: number | null; ratings: number };

/** Every department with its district-wide counts. */
export function departmentRows(run: RunQuery, districtId: string, now: Date): Promise<DepartmentRow[]> {
  const streets = districtStreetIds(districtId);
  return run<DepartmentRow>(sql`
    SELECT dep.id AS "id", dep.name_zh AS "nameZh", dep.name_en AS "nameEn", ${rateCountsOf('a')},
      rt.average AS "averageRating", COALESCE(rt.count, 0)::int AS "ratings"
    FROM departments dep
    LEFT JOIN (
      SELECT d.department_id, ${dispatchRateColumns(now)} FROM dispatches d
      WHERE ${departmentDispatch} AND d.street_id IN ${streets} GROUP BY d.department_id
    ) a ON a.department_id = dep.id
    LEFT JOIN (
      SELECT r.department_id, avg(r.score)::float8 AS average, count(*) AS count FROM ratings r
      WHERE r.street_id IN ${streets} GROUP BY r.department_id
    ) rt ON rt.department_id = dep.id
    ORDER BY dep.code`);
}

export type StreetRow = NamedRow & DispatchRateCounts & { incidents: number; whistles: number };

/** Every street of the district with its incidents, whistles and dispatch counts. */
export function streetRows(run: RunQuery, districtId: string, now: Date): Promise<StreetRow[]> {
  const streets = districtStreetIds(districtId);
  return run<StreetRow>(sql`
    SELECT s.id AS "id", s.name_zh AS "nameZh", s.name_en AS "nameEn", ${rateCountsOf('a')},
      COALESCE(inc.count, 0)::int AS "incidents", COALESCE(wh.count, 0)::int AS "whistles"
    FROM streets s
    LEFT JOIN (
      SELECT i.street_id, count(*) AS count FROM incidents i
      WHERE i.district_id = ${districtId} AND ${countedIncident} GROUP BY i.street_id
    ) inc ON inc.street_id = s.id
    LEFT JOIN (
      SELECT w.street_id, count(*) AS count FROM whistles w WHERE w.street_id IN ${streets} GROUP BY w.street_id
    ) wh ON wh.street_id = s.id
    LEFT JOIN (
      SELECT d.street_id, ${dispatchRateColumns(now)} FROM dispatches d
      WHERE ${departmentDispatch} AND d.street_id IN ${streets} GROUP BY d.street_id
    ) a ON a.street_id = s.id
    WHERE s.district_id = ${districtId}
    ORDER BY s.code`);
}
