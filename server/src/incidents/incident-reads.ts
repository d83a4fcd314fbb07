import type { IncidentSource, IncidentStatus } from '@whistle/shared';
import { In, type EntityManager } from 'typeorm';
import { Incident } from './incident.entity';
import type { IncidentRow } from './incident-row';

/** Incidents by id, for other modules' views of what hangs on them (dispatches, photos, requests). */
export async function incidentsByIds(
  manager: EntityManager,
  ids: readonly string[],
): Promise<Map<string, IncidentRow>> {
  if (ids.length === 0) return new Map();
  const rows = await manager.findBy(Incident, { id: In([...new Set(ids)]) });
  return new Map(rows.map((i) => [i.id, i]));
}

/** One incident by id; null when there is none. */
export function incidentById(manager: EntityManager, id: string): Promise<IncidentRow | null> {
  return manager.findOneBy(Incident, { id });
}

/**
 * Every incident merged into this one, also through incidents merged into those (A → B → C shows
 * A's timeline on C too): merging keeps every timeline readable from the survivor.
 */
export async function mergedIntoIds(manager: EntityManager, id: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `WITH RECURSIVE merged(id) AS (
       SELECT id FROM incidents WHERE merged_into_id = $1
       UNION SELECT i.id FROM incidents i JOIN merged m ON i.merged_into_id = m.id
     ) SELECT id FROM merged`,
    [id],
  );
  return rows.map((r) => r.id);
}

/** Which incidents a reader asks for; every given condition must hold. */
export interface IncidentFilter {
  ids?: readonly string[];
  source?: IncidentSource;
  createdFrom?: Date;
  createdTo?: Date;
  categories?: readonly string[];
  statusIn?: readonly IncidentStatus[];
  statusNotIn?: readonly IncidentStatus[];
}

/** Incidents matching `filter`, newest first, at most `limit`. */
export function findIncidents(
  manager: EntityManager,
  filter: IncidentFilter,
  limit: number,
): Promise<IncidentRow[]> {
  if (filter.ids?.length === 0) return Promise.resolve([]);
  const qb = manager
    .getRepository(Incident)
    .createQueryBuilder('i')
    .orderBy('i.createdAt', 'DESC')
    .addOrderBy('i.id', 'DESC')
    .limit(limit);
  if (filter.ids) qb.andWhere('i.id IN (:...ids)', { ids: filter.ids });
  if (filter.source) qb.andWhere('i.source = :source', { source: filter.source });
  if (filter.createdFrom) qb.andWhere('i.createdAt >= :from', { from: filter.createdFrom });
  if (filter.createdTo) qb.andWhere('i.createdAt <= :to', { to: filter.createdTo });
  if (filter.categories) qb.andWhere('i.category IN (:...categories)', { categories: filter.categories });
  if (filter.statusIn) qb.andWhere('i.status IN (:...statusIn)', { statusIn: filter.statusIn });
  if (filter.statusNotIn)
    qb.andWhere('i.status NOT IN (:...statusNotIn)', { statusNotIn: filter.statusNotIn });
  return qb.getMany();
}
