import { Injectable } from '@nestjs/common';
import { distance } from '@turf/distance';
import type { IncidentStatus, LikelyDuplicate } from '@whistle/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { Incident } from './incident.entity';
import { IncidentAccess } from './incident-access.service';

/** How near, how recent and how many: the operator is offered a short list, nearest first. */
export const DUPLICATE_RADIUS_METRES = 50;
export const DUPLICATE_WINDOW_MS = 24 * 3_600_000;
const MAX_OFFERED = 10;
/** Rows read at most; some may be out of the user's sight or just outside the circle. */
const CANDIDATES = 4 * MAX_OFFERED;
const METRES_PER_DEGREE_LAT = 111_320;
/** Statuses in which an incident has ended: it is not offered as the one to join. */
const ENDED: IncidentStatus[] = ['closed', 'rejected', 'merged'];

/**
 * Incidents that may be the same problem as this one: not ended, same category, within 50 m, and
 * raised within 24 h of it (before it, at intake). A bounding box on the (lng, lat) index narrows
 * the rows; the exact great-circle distance decides; only incidents the user may see are offered.
 * A batch of new incidents is checked in one query, and they may be offered as each other's.
 */
@Injectable()
export class LikelyDuplicates {
  constructor(private readonly access: IncidentAccess) {}

  async of(user: AuthUser, manager: EntityManager, incident: Incident): Promise<LikelyDuplicate[]> {
    const [offered] = await this.ofEach(manager, [{ user, incident }]);
    return offered;
  }

  /** The same for several incidents at once, each for its own user — one query for all of them. */
  async ofEach(
    manager: EntityManager,
    asked: readonly { user: AuthUser; incident: Incident }[],
  ): Promise<LikelyDuplicate[][]> {
    if (asked.length === 0) return [];
    const incidents = asked.map((a) => a.incident);
    const rows = await manager.query<(CandidateRow & { n: number })[]>(CANDIDATES_SQL, [
      incidents.map((_, n) => n),
      incidents.map((i) => i.id),
      incidents.map((i) => i.lng),
      incidents.map((i) => i.lat),
      incidents.map((i) => i.category),
      incidents.map((i) => i.createdAt.toISOString()),
      incidents.map((i) => Math.max(Math.cos((i.lat * Math.PI) / 180), 0.01)),
      DUPLICATE_RADIUS_METRES / METRES_PER_DEGREE_LAT,
      ENDED,
      DUPLICATE_WINDOW_MS / 1000,
      CANDIDATES,
    ]);
    const offered: LikelyDuplicate[][] = incidents.map(() => []);
    for (const [n, incident] of incidents.entries()) {
      const near = rows
        .filter((r) => r.n === n)
        .map((r) => manager.create(Incident, r))
        .map((c) => ({ c, metres: metresBetween(incident, c) }))
        .filter(({ metres }) => metres <= DUPLICATE_RADIUS_METRES)
        .sort((a, b) => a.metres - b.metres);
      for (const { c, metres } of near) {
        if (offered[n].length >= MAX_OFFERED) break;
        if (await this.access.canSee(asked[n].user, manager, c)) offered[n].push(summaryOf(c, metres));
      }
    }
    return offered;
  }
}

/** The columns a candidate needs to be judged, seen and summarised, named as the entity's properties. */
type CandidateRow = Pick<
  Incident,
  | 'id'
  | 'title'
  | 'category'
  | 'priority'
  | 'source'
  | 'status'
  | 'lng'
  | 'lat'
  | 'gridId'
  | 'communityId'
  | 'streetId'
  | 'districtId'
  | 'reportedById'
  | 'partyDepartmentIds'
  | 'partyLeaderIds'
  | 'createdAt'
>;

/**
 * Per new incident (one row each of the unnested arrays), its nearest open same-category
 * incidents in a bounding box on the (lng, lat) index, raised within the window around it. Planar
 * distance is exact enough at 50 m to order them; the great-circle distance decides afterwards.
 */
const CANDIDATES_SQL = `
  SELECT q.n, c.*
    FROM unnest($1::int[], $2::uuid[], $3::float8[], $4::float8[], $5::text[], $6::timestamptz[],
                $7::float8[]) AS q(n, id, lng, lat, category, at, coslat)
    CROSS JOIN LATERAL (
      SELECT i.id, i.title, i.category, i.priority, i.source, i.status, i.lng, i.lat,
             i.grid_id AS "gridId", i.community_id AS "communityId", i.street_id AS "streetId",
             i.district_id AS "districtId", i.reported_by_id AS "reportedById",
             i.party_department_ids AS "partyDepartmentIds", i.party_leader_ids AS "partyLeaderIds",
             i.created_at AS "createdAt"
        FROM incidents i
       WHERE i.lng BETWEEN q.lng - $8::float8 / q.coslat AND q.lng + $8::float8 / q.coslat
         AND i.lat BETWEEN q.lat - $8::float8 AND q.lat + $8::float8
         AND i.category = q.category
         AND i.status <> ALL ($9::incident_status[])
         AND i.created_at BETWEEN q.at - make_interval(secs => $10) AND q.at + make_interval(secs => $10)
         AND i.id <> q.id
       ORDER BY power((i.lng - q.lng) * q.coslat, 2) + power(i.lat - q.lat, 2)
       LIMIT $11
    ) c`;

function metresBetween(a: Incident, b: Incident): number {
  return distance([a.lng, a.lat], [b.lng, b.lat], { units: 'meters' });
}

function summaryOf(i: Incident, metres: number): LikelyDuplicate {
  return {
    id: i.id,
    title: i.title,
    category: i.category,
    priority: i.priority,
    source: i.source,
    status: i.status,
    location: { lng: i.lng, lat: i.lat },
    streetId: i.streetId,
    gridId: i.gridId,
    createdAt: i.createdAt.toISOString(),
    distanceMeters: Math.round(metres * 10) / 10,
  };
}
