import { Injectable } from '@nestjs/common';
import { distance } from '@turf/turf';
import type { LikelyDuplicate } from '@whistle/shared';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
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
const ENDED = ['closed', 'rejected', 'merged'] as const;

/**
 * Incidents that may be the same problem as this one: not ended, same category, within 50 m, and
 * raised within 24 h of it (before it, at intake). A bounding box on the (lng, lat) index narrows
 * the rows; the exact great-circle distance decides; only incidents the user may see are offered.
 */
@Injectable()
export class LikelyDuplicates {
  constructor(private readonly access: IncidentAccess) {}

  async of(user: AuthUser, manager: EntityManager, incident: Incident): Promise<LikelyDuplicate[]> {
    const dLat = DUPLICATE_RADIUS_METRES / METRES_PER_DEGREE_LAT;
    const dLng = dLat / Math.max(Math.cos((incident.lat * Math.PI) / 180), 0.01);
    const at = incident.createdAt.getTime();
    const candidates = await manager
      .getRepository(Incident)
      .createQueryBuilder('i')
      .where('i.lng BETWEEN :minLng AND :maxLng', {
        minLng: incident.lng - dLng,
        maxLng: incident.lng + dLng,
      })
      .andWhere('i.lat BETWEEN :minLat AND :maxLat', {
        minLat: incident.lat - dLat,
        maxLat: incident.lat + dLat,
      })
      .andWhere('i.category = :category', { category: incident.category })
      .andWhere('i.status NOT IN (:...ended)', { ended: ENDED })
      .andWhere('i.createdAt BETWEEN :from AND :to', {
        from: new Date(at - DUPLICATE_WINDOW_MS),
        to: new Date(at + DUPLICATE_WINDOW_MS),
      })
      .andWhere('i.id <> :id', { id: incident.id })
      // A busy corner can hold many: nearest first (planar is exact enough at 50 m), a few only.
      .orderBy('power((i.lng - :lng) * :cosLat, 2) + power(i.lat - :lat, 2)')
      .setParameters({
        lng: incident.lng,
        lat: incident.lat,
        cosLat: Math.cos((incident.lat * Math.PI) / 180),
      })
      .limit(CANDIDATES)
      .getMany();
    const near = candidates
      .map((c) => ({ c, metres: metresBetween(incident, c) }))
      .filter(({ metres }) => metres <= DUPLICATE_RADIUS_METRES)
      .sort((a, b) => a.metres - b.metres);
    const offered: LikelyDuplicate[] = [];
    for (const { c, metres } of near) {
      if (offered.length >= MAX_OFFERED) break;
      if (await this.access.canSee(user, manager, c)) offered.push(summaryOf(c, metres));
    }
    return offered;
  }
}

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
