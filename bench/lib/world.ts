import { randomUUID } from 'node:crypto';
import { pointOnFeature } from '@turf/point-on-feature';
import { DEMO_PASSWORD } from '@whistle/demo';
import type { BenchDatabase } from './server';

/** A signed-in user's bearer token. */
export async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

export interface GridRow {
  id: string;
  streetId: string;
  communityId: string;
  districtId: string;
  lng: number;
  lat: number;
}

/** Every grid of the district with a point inside it, in code order. */
export async function allGrids(database: Pick<BenchDatabase, 'db'>): Promise<GridRow[]> {
  const rows = await database.db.query<(Omit<GridRow, 'lng' | 'lat'> & { polygon: GeoJSON.Polygon })[]>(
    `SELECT g.id, g.street_id AS "streetId", g.community_id AS "communityId", s.district_id AS "districtId", g.polygon
       FROM grids g JOIN streets s ON s.id = g.street_id
      ORDER BY g.code`,
  );
  return rows.map(({ polygon, ...r }) => ({ ...r, ...interiorPoint(polygon) }));
}

/** One grid per street, for incidents placed without the API. */
export async function gridPerStreet(database: Pick<BenchDatabase, 'db'>): Promise<Map<string, GridRow>> {
  const byStreet = new Map<string, GridRow>();
  for (const grid of await allGrids(database))
    if (!byStreet.has(grid.streetId)) byStreet.set(grid.streetId, grid);
  return byStreet;
}

/** A point guaranteed inside the grid (cells clipped to the district outline need not be convex). */
function interiorPoint(polygon: GeoJSON.Polygon): { lng: number; lat: number } {
  const [lng, lat] = pointOnFeature(polygon).geometry.coordinates;
  return { lng: lng, lat: lat };
}

/**
 * Registered incidents written straight to the database: the dispatch scenario measures whistles,
 * so their incidents are made before the clock starts, without spending the run's time on them.
 */
export async function insertRegisteredIncidents(
  database: BenchDatabase,
  grids: GridRow[],
  count: number,
): Promise<{ id: string; streetId: string }[]> {
  const made: { id: string; streetId: string }[] = [];
  const CHUNK = 1000;
  for (let start = 0; start < count; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, k) => {
      const grid = grids[(start + k) % grids.length];
      return { id: randomUUID(), grid };
    });
    await database.db.query(
      `INSERT INTO incidents (id, title, category, priority, source, status, lng, lat, grid_id,
                              community_id, street_id, district_id, registered_at)
       SELECT x.id, '基准测试事件', 'fire_hazard', 'high', 'operator', 'registered', x.lng, x.lat,
              x.grid_id, x.community_id, x.street_id, x.district_id, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, lng float8, lat float8, grid_id uuid,
              community_id uuid, street_id uuid, district_id uuid)`,
      [
        JSON.stringify(
          rows.map((r) => ({
            id: r.id,
            lng: r.grid.lng,
            lat: r.grid.lat,
            grid_id: r.grid.id,
            community_id: r.grid.communityId,
            street_id: r.grid.streetId,
            district_id: r.grid.districtId,
          })),
        ),
      ],
    );
    made.push(...rows.map((r) => ({ id: r.id, streetId: r.grid.streetId })));
  }
  return made;
}
