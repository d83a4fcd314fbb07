import { dispatchRateColumns, rateCountsOf } from './dispatch-rates';
import type { DepartmentRankingInput, StreetRankingInput } from './rankings';
import { districtStreetIds } from './scope-filters';
import { sql } from './sql';
import { departmentDispatch, type RunQuery } from './summary-queries';

/*
 * The rankings' inputs. Always district-wide, whatever the caller's scope, and only aggregates:
 * nothing per rating or per street of a department.
 */

/** Duplicates and refused reports are not matters a street had to handle. */
const countedIncident = sql`i.status NOT IN ('merged', 'rejected')`;

/** A department's ranking input before its ratings, which depend on who looks (rating-figures.ts). */
export type DepartmentRateRow = Omit<DepartmentRankingInput, 'averageRating' | 'ratings'>;

/** Every department with its district-wide dispatch counts. */
export function departmentRows(run: RunQuery, districtId: string, now: Date): Promise<DepartmentRateRow[]> {
  const streets = districtStreetIds(districtId);
  return run<DepartmentRateRow>(sql`
    SELECT dep.id AS "id", dep.name_zh AS "nameZh", dep.name_en AS "nameEn", ${rateCountsOf('a')}
    FROM departments dep
    LEFT JOIN (
      SELECT d.department_id, ${dispatchRateColumns(now)} FROM dispatches d
      WHERE ${departmentDispatch} AND d.street_id IN ${streets} GROUP BY d.department_id
    ) a ON a.department_id = dep.id
    ORDER BY dep.code`);
}

/** Every street of the district with its incidents, whistles and dispatch counts. */
export function streetRows(run: RunQuery, districtId: string, now: Date): Promise<StreetRankingInput[]> {
  const streets = districtStreetIds(districtId);
  return run<StreetRankingInput>(sql`
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
