import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { UserView } from '@whistle/shared';
import { GridWorker } from '../grids/grid-worker.entity';
import { User } from './user.entity';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(GridWorker) private readonly gridWorkers: Repository<GridWorker>,
  ) {}

  findActiveByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ username, active: true });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  /** Pass the transaction's manager when inside one, so it never waits for a second pool connection. */
  async gridIdsOf(userId: string, manager: EntityManager = this.gridWorkers.manager): Promise<string[]> {
    const rows = await manager.findBy(GridWorker, { userId });
    return rows.map((r) => r.gridId);
  }

  async view(user: User): Promise<UserView> {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      districtId: user.districtId,
      streetId: user.streetId,
      departmentId: user.departmentId,
      gridIds: user.role === 'grid_worker' ? await this.gridIdsOf(user.id) : [],
    };
  }
}
