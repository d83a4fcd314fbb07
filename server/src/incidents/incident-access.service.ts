import { ForbiddenException, Injectable } from '@nestjs/common';
import { isDistrictWide } from '@whistle/shared';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AuthUser } from '../access/auth-user';
import { canSeeIncident } from '../access/scope';
import { notFound } from '../common/errors';
import { UsersService } from '../users/users.service';
import { Incident } from './incident.entity';
import { lockIncident } from './incident-lock';

/** Tenancy for incidents: an incident a user may not see answers 404, exactly like a missing one. */
@Injectable()
export class IncidentAccess {
  constructor(private readonly users: UsersService) {}

  async canSee(user: AuthUser, manager: EntityManager, incident: Incident): Promise<boolean> {
    if (isDistrictWide(user.role)) return true;
    return canSeeIncident(
      user,
      { ...incident, departmentIds: incident.partyDepartmentIds, leaderUserIds: incident.partyLeaderIds },
      user.role === 'grid_worker' ? await this.users.gridIdsOf(user.id, manager) : [],
    );
  }

  /** Loads (row-locked when `lock`) an incident the user may see, or throws 404. */
  async load(user: AuthUser, manager: EntityManager, id: string, lock = false): Promise<Incident> {
    const incident = lock ? await lockIncident(manager, id) : await manager.findOneBy(Incident, { id });
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
        // The GIN index on the parties serves this (@> rather than = ANY, which it cannot use).
        qb.andWhere(`${i}.partyDepartmentIds @> ARRAY[:dept]::uuid[]`, { dept: user.departmentId });
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
