import type { EntityManager } from 'typeorm';
import { lockById, lockByIdFrom } from '../database/entity-rows';
import { Incident } from './incident.entity';
import type { IncidentRow } from './incident-row';

/** Row-locks an incident for the rest of the caller's transaction; null when there is none. */
export function lockIncident(manager: EntityManager, id: string): Promise<IncidentRow | null> {
  return lockById(manager, Incident, id);
}

/**
 * Row-locks the incident another row points to: `incidentIdSql` is the caller's query for its
 * incident id (`SELECT incident_id FROM dispatches WHERE id = $1`), so finding and locking the
 * incident is one statement. Null when there is none.
 */
export function lockIncidentReferencedBy(
  manager: EntityManager,
  incidentIdSql: string,
  params: unknown[],
): Promise<IncidentRow | null> {
  return lockByIdFrom(manager, Incident, incidentIdSql, params);
}
