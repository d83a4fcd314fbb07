import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AdminUserView, UserView } from '@whistle/shared';
import { GridWorker } from '../grids/grid-worker.entity';
import { User } from './user.entity';

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

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
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

  async view(user: User, manager?: EntityManager): Promise<UserView> {
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

  async adminView(user: User, manager?: EntityManager): Promise<AdminUserView> {
    return {
      ...(await this.view(user, manager)),
      active: user.active,
      mustChangePassword: user.mustChangePassword,
      createdAt: user.createdAt.toISOString(),
      passwordChangedAt: user.passwordChangedAt.toISOString(),
    };
  }
}
