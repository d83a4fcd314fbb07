import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AdminUserView, Page, TemporaryPasswordResponse } from '@whistle/shared';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { DepartmentsService } from '../departments/departments.service';
import { GridsService } from '../grids/grids.service';
import { markClaimCommitted } from '../idempotency/idempotency-context';
import { SessionsService } from '../sessions/sessions.service';
import { StreetsService } from '../streets/streets.service';
import { hashPassword } from '../users/password';
import { passwordProblems } from '../users/password-policy';
import type { UserAccount } from '../users/user-account';
import { UsersService, usernameTakenConflict } from '../users/users.service';
import type { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto } from './dto/user-admin.dto';
import { temporaryPassword } from './temporary-password';
import { scopeChanged, scopeProblems, type UserScope } from './user-scope';

/**
 * The administrator's side of accounts. Every change is audited in its own transaction, and any
 * change to who a user is or where they work ends their sessions at once (REST on the next request,
 * sockets within a second on every node).
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly db: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly streets: StreetsService,
    private readonly departments: DepartmentsService,
    private readonly grids: GridsService,
  ) {}

  async list(query: ListUsersQuery): Promise<Page<AdminUserView>> {
    const limit = query.limit ?? 50;
    const page = query.page ?? 1;
    const { rows, total } = await this.users.search(
      { q: query.q, role: query.role, active: query.active },
      { skip: (page - 1) * limit, take: limit },
    );
    const items = await Promise.all(rows.map((u) => this.users.adminView(u)));
    return { items, total, nextCursor: page * limit < total ? String(page + 1) : null };
  }

  async get(id: string): Promise<AdminUserView> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('user', id);
    return this.users.adminView(user);
  }

  async create(
    body: CreateUserDto,
    actor: AuditContext & { districtId: string },
  ): Promise<TemporaryPasswordResponse> {
    const password = this.checkedPassword(body.temporaryPassword, body.username);
    const scope: UserScope = {
      role: body.role,
      streetId: body.streetId ?? null,
      departmentId: body.departmentId ?? null,
      gridIds: [...new Set(body.gridIds ?? [])],
    };
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (manager) => {
      await this.checkScope(manager, scope);
      if (await this.users.usernameTaken(body.username, manager)) {
        throw usernameTakenConflict(body.username);
      }
      const user = await this.users.create(
        {
          username: body.username,
          displayName: body.displayName,
          role: scope.role,
          districtId: actor.districtId,
          streetId: scope.streetId,
          departmentId: scope.departmentId,
          passwordHash,
          mustChangePassword: true,
        },
        manager,
      );
      await markClaimCommitted(manager);
      if (scope.gridIds.length) await this.users.setGrids(user.id, scope.gridIds, manager);
      await this.audit.record(
        {
          action: 'user.created',
          context: actor,
          target: { type: 'user', id: user.id },
          details: { username: user.username, displayName: user.displayName, ...scopeDetails(scope) },
        },
        manager,
      );
      return { user: await this.users.adminView(user, manager), temporaryPassword: password };
    });
  }

  async update(id: string, body: UpdateUserDto, actor: AuditContext): Promise<AdminUserView> {
    return this.db.transaction(async (manager) => {
      const user = await this.users.findForUpdate(id, manager);
      if (!user) throw notFound('user', id);
      const before: UserScope = {
        role: user.role,
        streetId: user.streetId,
        departmentId: user.departmentId,
        gridIds: await this.users.gridIdsOf(id, manager),
      };
      const after: UserScope = {
        role: body.role ?? before.role,
        // A new role clears fields it does not use unless the edit sets them.
        streetId: body.streetId !== undefined ? body.streetId : body.role ? null : before.streetId,
        departmentId:
          body.departmentId !== undefined ? body.departmentId : body.role ? null : before.departmentId,
        gridIds: body.gridIds !== undefined ? [...new Set(body.gridIds)] : body.role ? [] : before.gridIds,
      };
      await this.checkScope(manager, after);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      const note = (field: string, from: unknown, to: unknown) => {
        if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
      };
      note('displayName', user.displayName, body.displayName ?? user.displayName);
      note('active', user.active, body.active ?? user.active);
      note('role', before.role, after.role);
      note('streetId', before.streetId, after.streetId);
      note('departmentId', before.departmentId, after.departmentId);
      note('gridIds', [...before.gridIds].sort(), [...after.gridIds].sort());
      if (!Object.keys(changes).length) return this.users.adminView(user, manager);
      await this.users.update(
        id,
        {
          displayName: body.displayName ?? user.displayName,
          active: body.active ?? user.active,
          role: after.role,
          streetId: after.streetId,
          departmentId: after.departmentId,
        },
        manager,
      );
      if (changes.gridIds) await this.users.setGrids(id, after.gridIds, manager);
      await this.audit.record(
        { action: 'user.updated', context: actor, target: { type: 'user', id }, details: { changes } },
        manager,
      );
      const deactivated = changes.active !== undefined && body.active === false;
      if (deactivated || scopeChanged(before, after)) {
        const reason = deactivated ? 'user_deactivated' : 'user_changed';
        await this.endSessions(manager, id, reason, actor);
      }
      return this.users.adminView(await this.freshUser(id, manager), manager);
    });
  }

  async resetPassword(
    id: string,
    body: ResetPasswordDto,
    actor: AuditContext,
  ): Promise<TemporaryPasswordResponse> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('user', id);
    const password = this.checkedPassword(body.temporaryPassword, user.username);
    const passwordHash = await hashPassword(password);
    return this.db.transaction(async (manager) => {
      await this.users.setPassword(id, passwordHash, true, manager);
      await this.audit.record(
        { action: 'auth.password.reset', context: actor, target: { type: 'user', id } },
        manager,
      );
      await this.endSessions(manager, id, 'password_reset', actor);
      const fresh = await this.freshUser(id, manager);
      return { user: await this.users.adminView(fresh, manager), temporaryPassword: password };
    });
  }

  /** "Log this user out everywhere", by an admin. */
  async revokeSessions(id: string, actor: AuditContext): Promise<{ revoked: number }> {
    if (!(await this.users.exists(id))) throw notFound('user', id);
    return this.db.transaction(async (manager) => ({
      revoked: await this.endSessions(manager, id, 'admin', actor),
    }));
  }

  /** The row as this transaction left it; it was there when the transaction began. */
  private async freshUser(id: string, manager: EntityManager): Promise<UserAccount> {
    const user = await this.users.findById(id, manager);
    if (!user) throw notFound('user', id);
    return user;
  }

  private async endSessions(
    manager: EntityManager,
    userId: string,
    reason: Parameters<SessionsService['revokeAllOf']>[1],
    actor: AuditContext,
  ): Promise<number> {
    const ended = await this.sessions.revokeAllOf(userId, reason, manager);
    await this.audit.record(
      {
        action: 'auth.sessions.revoked',
        context: actor,
        target: { type: 'user', id: userId },
        details: { reason, sessions: ended.length },
      },
      manager,
    );
    return ended.length;
  }

  private checkedPassword(given: string | undefined, username: string): string {
    if (given === undefined) return temporaryPassword();
    const problems = passwordProblems(given, username);
    if (problems.length) {
      throw new BadRequestException({
        message: 'Invalid request: temporaryPassword',
        fields: { temporaryPassword: problems },
      });
    }
    return given;
  }

  /** The scope's shape for its role, and that every street, department and grid it names exists. */
  private async checkScope(manager: EntityManager, scope: UserScope): Promise<void> {
    const fields = scopeProblems(scope);
    if (scope.streetId && !fields.streetId && !(await this.streets.exists(scope.streetId, manager))) {
      fields.streetId = ['names no street'];
    }
    if (
      scope.departmentId &&
      !fields.departmentId &&
      !(await this.departments.exists(scope.departmentId, manager))
    ) {
      fields.departmentId = ['names no department'];
    }
    if (scope.gridIds.length && !fields.gridIds && !(await this.grids.allExist(scope.gridIds, manager))) {
      fields.gridIds = ['names a grid that does not exist'];
    }
    if (Object.keys(fields).length) {
      throw new BadRequestException({
        message: `Invalid request: ${Object.keys(fields).join(', ')}`,
        fields,
      });
    }
  }
}

function scopeDetails(scope: UserScope): Record<string, unknown> {
  return {
    role: scope.role,
    streetId: scope.streetId,
    departmentId: scope.departmentId,
    gridIds: [...scope.gridIds],
  };
}
