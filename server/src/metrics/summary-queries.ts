import { DISPATCH_STATUSES, OPEN_INCIDENT_STATUSES, runningStage, type Stage } from '@whistle/shared';
import { dispatchRateColumns, type DispatchRateCounts } from './dispatch-rates';
import type { MetricsScope } from './metrics-scope';
import type { PeriodStarts } from '../common/shanghai-calendar';
import { dispatchesIn, incidentsIn, openIncidentsIn, ratingsIn, whistlesIn } from './scope-filters';
import { rawSql, sql, type SqlFragment } from './sql';

/** Runs one query; rows come back with the column names the query gives them. */
export type RunQuery = <Row>(query: SqlFragment) => Promise<Row[]>;

const openIncidentStatuses = sql`${[...OPEN_INCIDENT_STATUSES]}::incident_status[]`;
const runningDispatchStatuses = sql`${DISPATCH_STATUSES.filter((s) => runningStage(s) !== null)}::dispatch_status[]`;
/** The report-in mechanism is about departments; leaders' and streets' own tasks are not in the rates. */
export const departmentDispatch = sql`d.assignee_kind = 'department'`;

/** Count, median and 90th percentile of a stage's time since dispatch, over dispatches aliased `d`. */
export function durationColumns(name: Stage, doneAt: SqlFragment): SqlFragment {
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

export interface SatisfactionRow {
  satisfied: number;
  answered: number;
}

/**
 * Citizens' answers to the return visits of the month's 12345 orders (by when the order came in:
 * an answer carries no time of its own). Satisfied and basically satisfied both count as satisfied.
 */
export async function citizenSatisfaction(
  run: RunQuery,
  scope: MetricsScope,
  periods: PeriodStarts,
): Promise<SatisfactionRow> {
  const rows = await run<SatisfactionRow>(sql`
    SELECT count(*) FILTER (WHERE i.citizen_satisfaction IN ('satisfied', 'basically_satisfied'))::int AS "satisfied",
      count(*) FILTER (WHERE i.citizen_satisfaction IS NOT NULL)::int AS "answered"
    FROM incidents i
    WHERE i.created_at >= ${periods.monthStart} AND ${incidentsIn(scope)}`);
  return rows[0] ?? { satisfied: 0, answered: 0 };
}
