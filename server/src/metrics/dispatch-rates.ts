import type { DepartmentPerformance } from '@whistle/shared';
import { rawSql, sql, type SqlFragment } from './sql';

/**
 * Counts behind every dispatch rate, computed in one pass with FILTER clauses so the summary,
 * the department ranking and the street ranking all use the very same definitions.
 */
export interface DispatchRateCounts {
  dispatches: number;
  /** Resolved or verified. */
  resolved: number;
  /** Neither cancelled nor rejected: the dispatches a department was expected to resolve. */
  resolutionBase: number;
  /** Re-opened by the street at least once. */
  reopened: number;
  /** Resolved at least once (a re-opened dispatch was). */
  everResolved: number;
  arrived: number;
  arrivedOnTime: number;
  /** Arrived, or due to have arrived by now. */
  arrivalDue: number;
  acceptedOnTime: number;
  /** Accepted, or due to have been accepted by now. */
  acceptanceDue: number;
}

/**
 * A stage counts once it is done or its deadline has passed. A dispatch rejected or cancelled
 * before the deadline never counts: nobody missed anything. `closed_at` may be unset on those,
 * and since both states are final, `updated_at` is when they were entered.
 */
export function stageDue(doneAt: SqlFragment, dueBy: SqlFragment, now: Date): SqlFragment {
  return sql`(${doneAt} IS NOT NULL OR (${dueBy} < ${now} AND (d.status NOT IN ('rejected', 'cancelled') OR COALESCE(d.closed_at, d.updated_at) > ${dueBy})))`;
}

/** Select-list columns over dispatches aliased `d`, named as DispatchRateCounts. */
export function dispatchRateColumns(now: Date): SqlFragment {
  return sql`
    count(*)::int AS "dispatches",
    count(*) FILTER (WHERE d.status IN ('resolved', 'verified'))::int AS "resolved",
    count(*) FILTER (WHERE d.status NOT IN ('cancelled', 'rejected'))::int AS "resolutionBase",
    count(*) FILTER (WHERE d.reopen_count > 0)::int AS "reopened",
    count(*) FILTER (WHERE d.resolved_at IS NOT NULL OR d.reopen_count > 0)::int AS "everResolved",
    count(*) FILTER (WHERE d.arrived_at IS NOT NULL)::int AS "arrived",
    count(*) FILTER (WHERE d.arrived_at <= d.arrive_by)::int AS "arrivedOnTime",
    count(*) FILTER (WHERE ${stageDue(sql`d.arrived_at`, sql`d.arrive_by`, now)})::int AS "arrivalDue",
    count(*) FILTER (WHERE d.accepted_at <= d.accept_by)::int AS "acceptedOnTime",
    count(*) FILTER (WHERE ${stageDue(sql`d.accepted_at`, sql`d.accept_by`, now)})::int AS "acceptanceDue"`;
}

export const NO_DISPATCHES: DispatchRateCounts = {
  dispatches: 0,
  resolved: 0,
  resolutionBase: 0,
  reopened: 0,
  everResolved: 0,
  arrived: 0,
  arrivedOnTime: 0,
  arrivalDue: 0,
  acceptedOnTime: 0,
  acceptanceDue: 0,
};

/**
 * The counts of a joined sub-select aliased `alias` that selected dispatchRateColumns, zero when
 * the join found no dispatch.
 */
export function rateCountsOf(alias: string): SqlFragment {
  const columns = (Object.keys(NO_DISPATCHES) as (keyof DispatchRateCounts)[]).map(
    (key) => `COALESCE(${alias}."${key}", 0)::int AS "${key}"`,
  );
  return rawSql(columns.join(', '));
}

/** part / whole to four decimals; null when there is nothing to measure. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

export function resolutionRate(c: DispatchRateCounts): number | null {
  return ratio(c.resolved, c.resolutionBase);
}

export function reopenRate(c: DispatchRateCounts): number | null {
  return ratio(c.reopened, c.everResolved);
}

/** An average rating as every figure shows and scores it: two decimals; null when there is none. */
export function shownRating(average: number | null): number | null {
  return average === null ? null : Math.round(average * 100) / 100;
}

/**
 * The score's rates (DepartmentPerformance): a stage that is overdue and still not done counts
 * against the department, so never arriving cannot look better than arriving late.
 */
export function departmentPerformance(
  c: DispatchRateCounts,
  averageRating: number | null,
): DepartmentPerformance {
  return {
    responseRate: ratio(c.acceptedOnTime, c.acceptanceDue),
    onTimeArrivalRate: ratio(c.arrivedOnTime, c.arrivalDue),
    resolutionRate: resolutionRate(c),
    reopenRate: reopenRate(c),
    averageRating,
  };
}
