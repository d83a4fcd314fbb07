import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import type { DepartmentView } from '@whistle/shared';
import { Department } from './department.entity';

@Injectable()
export class DepartmentsService {
  constructor(@InjectRepository(Department) private readonly departments: Repository<Department>) {}

  async list(): Promise<DepartmentView[]> {
    const rows = await this.departments.find({ order: { code: 'ASC' } });
    return rows.map(({ id, code, nameZh, nameEn, kind }) => ({ id, code, nameZh, nameEn, kind }));
  }

  /** The ids among `ids` that name no department. */
  async unknownIds(ids: readonly string[]): Promise<string[]> {
    const found = await this.departments.findBy({ id: In([...ids]) });
    const known = new Set(found.map((d) => d.id));
    return ids.filter((id) => !known.has(id));
  }
}
