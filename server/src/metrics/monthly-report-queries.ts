import { dispatchRateColumns, rateCountsOf, type DispatchRateCounts } from './dispatch-rates';
import type { MetricsPeriod } from './metrics-period';
import { districtStreetIds } from './scope-filters';
import { sql } from './sql';
import { departmentDispatch, type RunQuery } from './summary-queries';

export type StreetDispatchCounts = DispatchRateCounts & { id: string };

/**
 * Each street's counts of the department dispatches it sent in the period, alone. The street
 * period rows carry the same counts beside their incident counts, and there a column of each
 * shares the name `resolved`; the report takes the dispatch counts from here so its street rates
 * are the dispatches' whatever those rows hold.
 */
export function streetDispatchCounts(
  run: RunQuery,
  districtId: string,
  period: MetricsPeriod,
  now: Date,
): Promise<StreetDispatchCounts[]> {
  return run<StreetDispatchCounts>(sql`
    SELECT s.id AS "id", ${rateCountsOf('a')}
    FROM streets s
    LEFT JOIN (
      SELECT d.street_id, ${dispatchRateColumns(now)} FROM dispatches d
      WHERE ${departmentDispatch} AND d.street_id IN ${districtStreetIds(districtId)}
        AND d.created_at >= ${period.from} AND d.created_at < ${period.to}
      GROUP BY d.street_id
    ) a ON a.street_id = s.id
    WHERE s.district_id = ${districtId}`);
}
