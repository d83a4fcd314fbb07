import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  INCIDENT_POINT_FIELDS,
  OPEN_INCIDENT_STATUSES,
  type IncidentPointRow,
  type IncidentPointsView,
  type IncidentStatus,
  type Priority,
} from '@whistle/shared';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { IncidentAccess } from './incident-access.service';
import { Incident } from './incident.entity';

/**
 * A safety stop far above the district's load (about 5,000 open incidents): past it the newest
 * are sent and the answer says it was cut.
 */
export const MAX_INCIDENT_POINTS = 50_000;

/** Six decimals of a degree are about 0.1 m: plenty for a map, and a third fewer bytes per point. */
const roundCoordinate = (degrees: number): number => Math.round(degrees * 1e6) / 1e6;

interface RawPoint {
  id: string;
  lng: number;
  lat: number;
  category: string;
  status: IncidentStatus;
  priority: Priority;
  overdue: boolean;
  gridId: string;
}

/**
 * The wall map's initial set: every open incident the user may see, in one query of only the
 * columns the map draws, read raw (no entity hydration) and sent as positional rows.
 */
@Injectable()
export class IncidentPointsQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
  ) {}

  async open(user: AuthUser): Promise<IncidentPointsView> {
    const qb = this.dataSource
      .getRepository(Incident)
      .createQueryBuilder('i')
      .select('i.id', 'id')
      .addSelect('i.lng', 'lng')
      .addSelect('i.lat', 'lat')
      .addSelect('i.category', 'category')
      .addSelect('i.status', 'status')
      .addSelect('i.priority', 'priority')
      .addSelect('i.overdue', 'overdue')
      .addSelect('i.gridId', 'gridId')
      // The same statuses the lists call open, so the wall shows what the KPIs count.
      .where('i.status IN (:...open)', { open: OPEN_INCIDENT_STATUSES })
      .orderBy('i.createdAt', 'DESC')
      .addOrderBy('i.id', 'DESC')
      .limit(MAX_INCIDENT_POINTS + 1);
    await this.access.scopeQuery(user, qb);
    const raw = await qb.getRawMany<RawPoint>();
    const truncated = raw.length > MAX_INCIDENT_POINTS;
    const rows = (truncated ? raw.slice(0, MAX_INCIDENT_POINTS) : raw).map((p): IncidentPointRow => [
      p.id,
      roundCoordinate(p.lng),
      roundCoordinate(p.lat),
      p.category,
      p.status,
      p.priority,
      p.overdue,
      p.gridId,
    ]);
    return { fields: INCIDENT_POINT_FIELDS, rows, truncated };
  }
}
