import { ForbiddenException, Injectable } from '@nestjs/common';
import { isDistrictWide } from '@whistle/shared';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { canSeeIncident } from '../auth/scope';
import { notFound } from '../common/errors';
import { Dispatch } from '../dispatches/dispatch.entity';
import { UsersService } from '../users/users.service';
import { Incident } from './incident.entity';

/** Tenancy for incidents: an incident a user may not see answers 404, exactly like a missing one. */
@Injectable()
export class IncidentAccess {
  constructor(private readonly users: UsersService) {}

  async canSee(user: AuthUser, manager: EntityManager, incident: Incident): Promise<boolean> {
    if (isDistrictWide(user.role)) return true;
    // Only a department's view depends on who was summoned.
    const dispatches =
      user.role === 'dept_officer'
        ? await manager.find(Dispatch, {
            where: { incidentId: incident.id },
            select: { departmentId: true, leaderUserId: true },
          })
        : [];
    return canSeeIncident(
      user,
      {
        ...incident,
        departmentIds: dispatches.flatMap((d) => (d.departmentId ? [d.departmentId] : [])),
        leaderUserIds: dispatches.flatMap((d) => (d.leaderUserId ? [d.leaderUserId] : [])),
      },
      user.role === 'grid_worker' ? await this.users.gridIdsOf(user.id, manager) : [],
    );
  }

  /** Loads (row-locked when `lock`) an incident the user may see, or throws 404. */
  async load(user: AuthUser, manager: EntityManager, id: string, lock = false): Promise<Incident> {
    const incident = await manager.findOne(Incident, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!incident || !(await this.canSee(user, manager, incident))) throw notFound('incident', id);
    return incident;
  }

  /**
   * Narrows a query on incidents to what the user may see (DESIGN.md §2), the query-side twin of
   * canSee(): the incident list and the wall map's points both scope through here, so they always
   * agree. A street operator asking for another street is refused rather than shown nothing.
   */
  async scopeQuery(user: AuthUser, qb: SelectQueryBuilder<Incident>, streetId?: string): Promise<void> {
    const i = qb.alias;
    if (streetId) qb.andWhere(`${i}.streetId = :streetId`, { streetId });
    if (isDistrictWide(user.role)) return;
    switch (user.role) {
      case 'street_operator':
        if (streetId && streetId !== user.streetId)
          throw new ForbiddenException('You may only list your own street');
        qb.andWhere(`${i}.streetId = :ownStreet`, { ownStreet: user.streetId });
        return;
      case 'dept_officer':
        qb.andWhere(
          `EXISTS (SELECT 1 FROM dispatches d WHERE d.incident_id = ${i}.id AND d.department_id = :dept)`,
          { dept: user.departmentId },
        );
        return;
      case 'grid_worker': {
        const gridIds = await this.users.gridIdsOf(user.id);
        qb.andWhere(
          new Brackets((w) =>
            w
              .where(gridIds.length ? `${i}.gridId IN (:...gridIds)` : 'FALSE', { gridIds })
              .orWhere(`${i}.reportedById = :me`, { me: user.id }),
          ),
        );
        return;
      }
      case 'district_operator':
      case 'district_leader':
      case 'admin':
        return;
    }
  }
}
