import { Injectable, type ConflictException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, Repository, type EntityManager } from 'typeorm';
import type { AdminUserView, Role, UserView } from '@whistle/shared';
import { refuseDuplicates, takenConflict } from '../common/unique-violation';
import { insertAccount, usernameTaken } from './accounts';
import { GridWorker } from './grid-worker.entity';
import { StreetLeader } from './street-leader.entity';
import type { AccountChanges, NewAccount, UserAccount } from './user-account';
import { User } from './user.entity';

export interface UserFilter {
  /** Matches the user name or display name. */
  q?: string;
  role?: Role;
  active?: boolean;
}

/**
 * The users table and who works where (a grid worker's grids, a district leader's paired streets):
 * the only module that writes them. Users own their passwords too (password.ts, password-policy.ts).
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(GridWorker) private readonly gridWorkers: Repository<GridWorker>,
  ) {}

  /** Active or not: login must spend the same work on a deactivated name as on a wrong password. */
  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username });
  }

  findById(id: string, manager: EntityManager = this.users.manager): Promise<User | null> {
    return manager.findOneBy(User, { id });
  }

  /** Active or not (a timeline names whoever acted, even if since deactivated); unknown ids are left out. */
  findByIds(ids: readonly string[]): Promise<UserAccount[]> {
    return this.users.findBy({ id: In([...new Set(ids)]) });
  }

  exists(id: string): Promise<boolean> {
    return this.users.existsBy({ id });
  }

  /** The row, locked until the transaction ends: an admin's edit reads, checks and writes it. */
  findForUpdate(id: string, manager: EntityManager): Promise<User | null> {
    return manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** One page in user-name order, with the count of all that match. */
  async search(
    filter: UserFilter,
    page: { skip: number; take: number },
  ): Promise<{ rows: User[]; total: number }> {
    const qb = this.users.createQueryBuilder('u').orderBy('u.username', 'ASC');
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w.where('u.username ILIKE :like', { like }).orWhere('u.displayName ILIKE :like', { like }),
        ),
      );
    }
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    const [rows, total] = await qb.skip(page.skip).take(page.take).getManyAndCount();
    return { rows, total };
  }

  /*
   * An admin's writes: each is one step of a transaction that also checks and audits it, so the
   * transaction's manager is required.
   */

  usernameTaken(username: string, manager: EntityManager): Promise<boolean> {
    return usernameTaken(manager, username);
  }

  /**
   * A taken user name is a 409 naming `username`, also when another create of the same name wins
   * the race between the caller's `usernameTaken` check and this insert (the unique index decides).
   */
  create(account: NewAccount, manager: EntityManager): Promise<UserAccount> {
    return refuseDuplicates(manager, User, { username: () => usernameTakenConflict(account.username) }, () =>
      insertAccount(manager, account),
    );
  }

  async update(id: string, changes: AccountChanges, manager: EntityManager): Promise<void> {
    await manager.update(User, { id }, changes);
  }

  /** Stores a new hash; `mustChange` marks a temporary (admin-set) password. */
  async setPassword(
    userId: string,
    passwordHash: string,
    mustChange: boolean,
    manager: EntityManager = this.users.manager,
  ): Promise<void> {
    await manager.update(
      User,
      { id: userId },
      { passwordHash, mustChangePassword: mustChange, passwordChangedAt: new Date() },
    );
  }

  /** A stronger hash of the same password (login found the stored one made at a lower cost). */
  async upgradeHash(userId: string, previousHash: string, passwordHash: string): Promise<void> {
    // Only if nobody changed the password meanwhile.
    await this.users.update({ id: userId, passwordHash: previousHash }, { passwordHash });
  }

  /** Pass the transaction's manager when inside one, so it never waits for a second pool connection. */
  async gridIdsOf(userId: string, manager: EntityManager = this.gridWorkers.manager): Promise<string[]> {
    const rows = await manager.findBy(GridWorker, { userId });
    return rows.map((r) => r.gridId);
  }

  /** Replaces a grid worker's grids (none: the user looks after no grid). */
  async setGrids(userId: string, gridIds: readonly string[], manager: EntityManager): Promise<void> {
    await manager.delete(GridWorker, { userId });
    if (gridIds.length) {
      await manager.insert(
        GridWorker,
        gridIds.map((gridId) => ({ userId, gridId })),
      );
    }
  }

  /** District leaders paired with a street, summoned by its tough-problem whistles. */
  async pairedLeaderIds(streetId: string, manager: EntityManager = this.users.manager): Promise<string[]> {
    const rows = await manager.findBy(StreetLeader, { streetId });
    return rows.map((r) => r.userId);
  }

  /** Who did what, as a timeline shows them: id, display name and role of each of `ids`. */
  async actors(
    ids: readonly string[],
  ): Promise<Map<string, { id: string; displayName: string; role: Role }>> {
    if (ids.length === 0) return new Map();
    const users = await this.users.findBy({ id: In([...new Set(ids)]) });
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName, role: u.role }]));
  }

  async view(user: UserAccount, manager?: EntityManager): Promise<UserView> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      districtId: user.districtId,
      streetId: user.streetId,
      departmentId: user.departmentId,
      gridIds: user.role === 'grid_worker' ? await this.gridIdsOf(user.id, manager) : [],
    };
  }

  async adminView(user: UserAccount, manager?: EntityManager): Promise<AdminUserView> {
    return {
      ...(await this.view(user, manager)),
      active: user.active,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt.toISOString(),
      passwordChangedAt: user.passwordChangedAt.toISOString(),
    };
  }
}

/** The answer to a user name another account holds. */
export function usernameTakenConflict(username: string): ConflictException {
  return takenConflict('username', 'username', username);
}
