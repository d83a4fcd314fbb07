import type { EntityManager } from 'typeorm';
import { lockById } from '../database/entity-rows';
import { Incident } from './incident.entity';
import type { IncidentRow } from './incident-row';

/** Row-locks an incident for the rest of the caller's transaction; null when there is none. */
export function lockIncident(manager: EntityManager, id: string): Promise<IncidentRow | null> {
  return lockById(manager, Incident, id);
}
