import { In, type EntityManager } from 'typeorm';
import { Department } from './department.entity';

/** Departments' Chinese names by id. */
export async function departmentNames(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.findBy(Department, { id: In([...ids]) });
  return new Map(rows.map((d) => [d.id, d.nameZh]));
}
