import type { DataSource } from 'typeorm';
import { CATEGORIES, OPEN_INCIDENT_STATUSES } from '@whistle/shared';

/**
 * The benchmark's district history in one INSERT … SELECT: `total` incidents spread over every
 * grid, the newest `open` of them still open (every open status), the rest closed. About one in
 * thirteen is urgent and one in nineteen open ones overdue, so clusters carry both kinds of ring.
 * Straight SQL is fine here: the benchmark measures the wall screen, not the intake path.
 */
export async function insertIncidents(db: DataSource, total: number, open: number): Promise<void> {
  await db.query(
    `WITH g AS (
       SELECT g.id, g.street_id, g.community_id, s.district_id, g.min_lng, g.min_lat, g.max_lng, g.max_lat,
              row_number() OVER (ORDER BY g.code) - 1 AS n
       FROM grids g JOIN streets s ON s.id = g.street_id),
     c AS (SELECT count(*)::int AS grids FROM grids)
     INSERT INTO incidents (title, category, priority, source, status, lng, lat, grid_id, community_id,
                            street_id, district_id, overdue, created_at, updated_at, closed_at)
     SELECT '基准事件 ' || i,
            ($3::text[])[1 + i % array_length($3::text[], 1)],
            (CASE WHEN i % 13 = 0 THEN 'urgent' ELSE (ARRAY['low', 'normal', 'high'])[1 + i % 3] END)::priority,
            'operator',
            (CASE WHEN i < $2 THEN ($4::text[])[1 + i % array_length($4::text[], 1)] ELSE 'closed' END)::incident_status,
            (g.min_lng + g.max_lng) / 2 + (random() - 0.5) * 0.6 * (g.max_lng - g.min_lng),
            (g.min_lat + g.max_lat) / 2 + (random() - 0.5) * 0.6 * (g.max_lat - g.min_lat),
            g.id, g.community_id, g.street_id, g.district_id,
            i < $2 AND i % 19 = 0,
            now() - i * interval '20 seconds',
            now() - i * interval '20 seconds',
            CASE WHEN i < $2 THEN NULL ELSE now() - i * interval '10 seconds' END
     FROM generate_series(0, $1 - 1) AS i
     CROSS JOIN c
     JOIN g ON g.n = (i * 7919) % c.grids`,
    [total, open, CATEGORIES.map((c) => c.code), [...OPEN_INCIDENT_STATUSES]],
  );
}
