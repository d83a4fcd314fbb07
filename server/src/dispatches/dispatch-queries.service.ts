import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isDistrictWide, type DispatchView } from '@whistle/shared';
import { Brackets, DataSource } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { notFound } from '../common/errors';
import { incidentById, incidentsByIds } from '../incidents/incident-reads';
import type { ListDispatchesDto } from './dto/dispatch-actions.dto';
import { Dispatch } from './dispatch.entity';
import { canSeeDispatch, dispatchActionsForUser } from './dispatch-parties';
import { toDispatchView } from './dispatch-view';

/** Inboxes: a department sees its dispatches, a street its own, a leader those summoning them. */
@Injectable()
export class DispatchQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: ListDispatchesDto): Promise<DispatchView[]> {
    const qb = this.dataSource.getRepository(Dispatch).createQueryBuilder('d');
    if (!isDistrictWide(user.role)) {
      qb.andWhere(
        new Brackets((w) => {
          w.where('FALSE');
          if (user.departmentId) w.orWhere('d.departmentId = :dept', { dept: user.departmentId });
          if (user.streetId) w.orWhere('d.streetId = :street', { street: user.streetId });
        }),
      );
    } else if (user.role === 'district_leader') {
      // Leaders see the district, but their inbox leads with their own summons.
      qb.addOrderBy(`CASE WHEN d.leader_user_id = :me THEN 0 ELSE 1 END`).setParameter('me', user.id);
    }
    if (query.status?.length) qb.andWhere('d.status IN (:...status)', { status: query.status });
    if (query.incidentId) qb.andWhere('d.incidentId = :incidentId', { incidentId: query.incidentId });
    if (query.streetId) qb.andWhere('d.streetId = :streetId', { streetId: query.streetId });
    if (query.overdue !== undefined)
      qb.andWhere(`cardinality(d.overdue_stages) ${query.overdue ? '>' : '='} 0`);
    if (query.sort === 'overdue_first') {
      // The desk's order: what is overdue and still running first, the most stages missed first,
      // then the longest overdue.
      qb.addOrderBy(
        `CASE WHEN d.status IN ('pending','accepted','arrived','reopened') THEN cardinality(d.overdue_stages) ELSE 0 END`,
        'DESC',
      ).addOrderBy('d.lastOverdueAt', 'ASC', 'NULLS LAST');
    }
    const rows = await qb
      .addOrderBy('d.createdAt', 'DESC')
      .take(query.limit ?? 100)
      .getMany();
    const visible = rows.filter((d) => canSeeDispatch(user, d));
    const incidents = await incidentsByIds(
      this.dataSource.manager,
      visible.map((d) => d.incidentId),
    );
    return visible.flatMap((d) => {
      const incident = incidents.get(d.incidentId);
      return incident ? [toDispatchView(d, incident, dispatchActionsForUser(user, d))] : [];
    });
  }

  async get(user: AuthUser, id: string): Promise<DispatchView> {
    const d = await this.dataSource.manager.findOneBy(Dispatch, { id });
    if (!d || !canSeeDispatch(user, d)) throw notFound('dispatch', id);
    const incident = await incidentById(this.dataSource.manager, d.incidentId);
    if (!incident) throw notFound('dispatch', id);
    return toDispatchView(d, incident, dispatchActionsForUser(user, d));
  }
}
