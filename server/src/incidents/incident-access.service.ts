import { Injectable } from '@nestjs/common';
import { isDistrictWide } from '@whistle/shared';
import type { EntityManager } from 'typeorm';
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
}
