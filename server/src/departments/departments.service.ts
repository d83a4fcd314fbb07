import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { DepartmentView } from '@whistle/shared';
import type { AuditContext } from '../audit/audit-context';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/errors';
import { refuseDuplicates, takenConflict, type TakenConflicts } from '../common/unique-violation';
import { markClaimCommitted } from '../idempotency/idempotency-context';
import { Department } from './department.entity';
import type { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

/** Department ids are checked on every whistle; the set is reloaded whenever an id is not in it. */
@Injectable()
export class DepartmentsService {
  private knownIds: Set<string> | undefined;

  constructor(
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<DepartmentView[]> {
    const rows = await this.departments.find({ order: { code: 'ASC' } });
    this.knownIds = new Set(rows.map((d) => d.id));
    return rows.map(viewOf);
  }

  /** Per category code, the codes of the departments that handle it (in code order). */
  async codesByCategory(): Promise<Map<string, string[]>> {
    const byCategory = new Map<string, string[]>();
    for (const d of await this.list()) {
      for (const category of d.categories)
        byCategory.set(category, [...(byCategory.get(category) ?? []), d.code]);
    }
    return byCategory;
  }

  /** An administrator's new department; its audit row commits with it. 409 when the code is taken. */
  async create(body: CreateDepartmentDto, actor: AuditContext): Promise<DepartmentView> {
    return this.departments.manager.transaction(async (manager) => {
      await this.refuseTakenCode(manager, body.code);
      const saved = await refuseDuplicates(manager, Department, codeTaken(body.code), () =>
        manager.save(
          manager.create(Department, {
            code: body.code,
            nameZh: body.nameZh.trim(),
            nameEn: body.nameEn.trim(),
            kind: body.kind,
            categories: [...body.categories],
          }),
        ),
      );
      await markClaimCommitted(manager);
      const view = viewOf(saved);
      const { id: _id, ...details } = view;
      await this.audit.record(
        {
          action: 'department.created',
          context: actor,
          target: { type: 'department', id: saved.id },
          details,
        },
        manager,
      );
      this.knownIds?.add(saved.id);
      return view;
    });
  }

  /** Changes the given fields; the audit row names each one's before and after. */
  async update(id: string, body: UpdateDepartmentDto, actor: AuditContext): Promise<DepartmentView> {
    return this.departments.manager.transaction(async (manager) => {
      const row = await manager.findOne(Department, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw notFound('department', id);
      if (body.code !== undefined && body.code !== row.code) await this.refuseTakenCode(manager, body.code);
      const before = viewOf(row);
      const after: DepartmentView = {
        ...before,
        code: body.code ?? before.code,
        nameZh: body.nameZh?.trim() ?? before.nameZh,
        nameEn: body.nameEn?.trim() ?? before.nameEn,
        kind: body.kind ?? before.kind,
        categories: body.categories ? [...body.categories] : before.categories,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const field of ['code', 'nameZh', 'nameEn', 'kind', 'categories'] as const) {
        if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
          changes[field] = { from: before[field], to: after[field] };
        }
      }
      if (Object.keys(changes).length === 0) return before;
      const { code, nameZh, nameEn, kind, categories } = after;
      await refuseDuplicates(manager, Department, codeTaken(code), () =>
        manager.update(Department, { id }, { code, nameZh, nameEn, kind, categories }),
      );
      await this.audit.record(
        {
          action: 'department.updated',
          context: actor,
          target: { type: 'department', id },
          details: { code: after.code, changes },
        },
        manager,
      );
      return after;
    });
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

  /**
   * Names the field before writing. Two admins at once both pass it; the unique index then refuses
   * the second, which `refuseDuplicates` answers with this same 409.
   */
  private async refuseTakenCode(manager: EntityManager, code: string): Promise<void> {
    if (await manager.existsBy(Department, { code })) throw takenConflict('department code', 'code', code);
  }
}

/** The 409 for each unique constraint of departments: only the code is unique. */
function codeTaken(code: string): TakenConflicts {
  return { code: () => takenConflict('department code', 'code', code) };
}

function viewOf({ id, code, nameZh, nameEn, kind, categories }: Department): DepartmentView {
  return { id, code, nameZh, nameEn, kind, categories: [...categories] };
}
