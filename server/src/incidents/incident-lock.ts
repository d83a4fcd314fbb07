import type { EntityManager } from 'typeorm';
import { entityRows } from '../database/entity-rows';
import { Incident } from './incident.entity';
import type { IncidentRow } from './incident-row';

/** Row-locks an incident for the rest of the caller's transaction; null when there is none. */
export async function lockIncident(manager: EntityManager, id: string): Promise<IncidentRow | null> {
  const incidents = entityRows(manager, Incident);
  const [row] = await manager.query<Record<string, unknown>[]>(
    `SELECT ${incidents.columns} FROM ${incidents.table} WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return row ? incidents.hydrate(row) : null;
}
