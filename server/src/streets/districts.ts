import { In, type EntityManager } from 'typeorm';
import { District } from './district.entity';

export interface DistrictRef {
  id: string;
  code: string;
}

export interface NewDistrict {
  code: string;
  nameZh: string;
  nameEn: string;
}

/*
 * The districts table over a given manager: the create-admin command runs outside Nest, in its own
 * transaction, and finds (or on an empty database creates) the deployment's district through these.
 */

export function listDistricts(manager: EntityManager): Promise<DistrictRef[]> {
  return manager.find(District, { select: ['id', 'code'], order: { code: 'ASC' } });
}

/** Without a boundary: that comes later, from an admin's boundary import. */
export async function createDistrict(manager: EntityManager, district: NewDistrict): Promise<DistrictRef> {
  const row = await manager.save(manager.create(District, { ...district, boundary: null }));
  return { id: row.id, code: row.code };
}

/** Districts' names by id. */
export async function districtNames(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.findBy(District, { id: In([...ids]) });
  return new Map(rows.map((d) => [d.id, d.nameZh]));
}
