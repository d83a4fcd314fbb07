import { nextSnapshot, type RatingSnapshot, type RatingTotals } from './rating-disclosure';
import { districtStreetIds } from './scope-filters';
import { shanghaiPeriodStarts } from '../common/shanghai-calendar';
import { sql } from './sql';
import type { RunQuery } from './summary-queries';

/** Ratings of each department by the district's streets, optionally only those given before `before`. */
export async function departmentRatingTotals(
  run: RunQuery,
  districtId: string,
  before?: Date,
): Promise<Map<string, RatingTotals>> {
  const given = before ? sql`AND r.created_at < ${before}` : sql``;
  const rows = await run<RatingTotals & { departmentId: string }>(sql`
    SELECT r.department_id AS "departmentId", count(*)::int AS "count", sum(r.score)::int AS "sum"
    FROM ratings r
    WHERE r.street_id IN ${districtStreetIds(districtId)} ${given}
    GROUP BY r.department_id`);
  return new Map(rows.map(({ departmentId, count, sum }) => [departmentId, { count, sum }]));
}

/** The snapshots departments may see, per department. */
export async function readSnapshots(run: RunQuery, districtId: string): Promise<Map<string, RatingSnapshot>> {
  const rows = await run<RatingSnapshot & { departmentId: string }>(sql`
    SELECT s.department_id AS "departmentId", s.rating_count AS "count", s.rating_sum AS "sum",
      s.ratings_before AS "before"
    FROM rating_snapshots s WHERE s.district_id = ${districtId}`);
  return new Map(rows.map(({ departmentId, ...snapshot }) => [departmentId, snapshot]));
}

/**
 * Publishes today's snapshots where the rule allows. Taken lazily by the first department view
 * of the day, before that view reads; concurrent views compute the same snapshot, and the
 * guarded upsert lets only one of them write it.
 */
export async function publishRatingSnapshots(run: RunQuery, districtId: string, now: Date): Promise<void> {
  const before = shanghaiPeriodStarts(now).dayStart;
  const [published, candidates] = await Promise.all([
    readSnapshots(run, districtId),
    departmentRatingTotals(run, districtId, before),
  ]);
  const departmentIds = new Set([...published.keys(), ...candidates.keys()]);
  const updates = [...departmentIds].flatMap((departmentId) => {
    const candidate = { ...(candidates.get(departmentId) ?? { count: 0, sum: 0 }), before };
    const next = nextSnapshot(published.get(departmentId), candidate);
    return next ? [{ departmentId, ...next }] : [];
  });
  if (updates.length === 0) return;
  await run(sql`
    INSERT INTO rating_snapshots (district_id, department_id, ratings_before, rating_count, rating_sum)
    SELECT ${districtId}::uuid, u.department_id, ${before}::timestamptz, u.rating_count, u.rating_sum
    FROM unnest(${updates.map((u) => u.departmentId)}::uuid[], ${updates.map((u) => u.count)}::int[],
      ${updates.map((u) => u.sum)}::int[]) AS u(department_id, rating_count, rating_sum)
    ON CONFLICT (district_id, department_id) DO UPDATE
      SET ratings_before = EXCLUDED.ratings_before, rating_count = EXCLUDED.rating_count,
        rating_sum = EXCLUDED.rating_sum
      WHERE rating_snapshots.ratings_before < EXCLUDED.ratings_before`);
}
