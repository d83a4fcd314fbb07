import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { DepartmentView } from '@whistle/shared';
import { Department } from './department.entity';

/** Department ids are checked on every whistle; the set is reloaded whenever an id is not in it. */
@Injectable()
export class DepartmentsService {
  private knownIds: Set<string> | undefined;

  constructor(@InjectRepository(Department) private readonly departments: Repository<Department>) {}

  async list(): Promise<DepartmentView[]> {
    const rows = await this.departments.find({ order: { code: 'ASC' } });
    this.knownIds = new Set(rows.map((d) => d.id));
    return rows.map(({ id, code, nameZh, nameEn, kind }) => ({ id, code, nameZh, nameEn, kind }));
  }

  /** The ids among `ids` that name no department. */
  async unknownIds(ids: readonly string[]): Promise<string[]> {
    const missing = (known: Set<string> | undefined) => ids.filter((id) => !known?.has(id));
    if (missing(this.knownIds).length === 0) return [];
    await this.list();
    return missing(this.knownIds);
  }

  /** Asked of the database; pass the transaction's manager when inside one. */
  exists(departmentId: string, manager: EntityManager = this.departments.manager): Promise<boolean> {
    return manager.existsBy(Department, { id: departmentId });
  }
}
