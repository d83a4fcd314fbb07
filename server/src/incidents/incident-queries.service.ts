import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { incidentActionsFor, type IncidentView, type Page } from '@whistle/shared';
import { Brackets, DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import type { ListIncidentsDto } from './dto/list-incidents.dto';
import { IncidentAccess } from './incident-access.service';
import { decodeCursor, encodeCursor } from './incident-cursor';
import { Incident } from './incident.entity';
import { toIncidentView } from './incident-view';

const DEFAULT_LIMIT = 50;

@Injectable()
export class IncidentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: IncidentAccess,
  ) {}

  async list(user: AuthUser, query: ListIncidentsDto): Promise<Page<IncidentView>> {
    const qb = this.dataSource.getRepository(Incident).createQueryBuilder('i');
    await this.access.scopeQuery(user, qb, query.streetId);
    if (query.status?.length) qb.andWhere('i.status IN (:...status)', { status: query.status });
    if (query.category) qb.andWhere('i.category = :category', { category: query.category });
    if (query.priority) qb.andWhere('i.priority = :priority', { priority: query.priority });
    if (query.overdue !== undefined) qb.andWhere('i.overdue = :overdue', { overdue: query.overdue });
    if (query.bbox) {
      const [minLng, minLat, maxLng, maxLat] = query.bbox.split(',').map(Number);
      qb.andWhere('i.lng BETWEEN :minLng AND :maxLng AND i.lat BETWEEN :minLat AND :maxLat', {
        minLng,
        minLat,
        maxLng,
        maxLat,
      });
    }
    if (query.q) {
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) => w.where('i.title ILIKE :like', { like }).orWhere('i.description ILIKE :like')),
      );
    }
    const total = await qb.getCount();
    const limit = query.limit ?? DEFAULT_LIMIT;
    if (query.sort === 'overdue_first') {
      // The desk's order: what is overdue, then what still waits for a whistle, each oldest first.
      qb.orderBy('i.overdue', 'DESC')
        .addOrderBy(`CASE WHEN i.status IN ('reported','registered') THEN 0 ELSE 1 END`, 'ASC')
        .addOrderBy('i.createdAt', 'ASC')
        .addOrderBy('i.id', 'ASC');
    } else {
      qb.orderBy('i.createdAt', 'DESC').addOrderBy('i.id', 'DESC');
    }
    qb.take(limit + 1);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      qb.andWhere('(i.createdAt, i.id) < (:cursorAt, :cursorId)', {
        cursorAt: cursor.createdAt,
        cursorId: cursor.id,
      });
    } else if (query.page) {
      qb.skip((query.page - 1) * limit);
    }
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((i) => toIncidentView(i, incidentActionsFor(i.status, user.role))),
      total,
      nextCursor:
        rows.length > limit && last && query.sort !== 'overdue_first'
          ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
          : null,
    };
  }
}
