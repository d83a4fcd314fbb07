import type { EntityManager } from 'typeorm';
import { Incident } from './incident.entity';
import type { IncidentRow } from './incident-row';

/** Row-locks an incident for the rest of the caller's transaction; null when there is none. */
export function lockIncident(manager: EntityManager, id: string): Promise<IncidentRow | null> {
  return manager.findOne(Incident, { where: { id }, lock: { mode: 'pessimistic_write' } });
}
