import type { EntityManager } from 'typeorm';
import { lockIncident } from '../incidents/incident-lock';
import type { IncidentRow } from '../incidents/incident-row';
import { Dispatch } from './dispatch.entity';

/**
 * Row-locks a dispatch and its incident in the one order every transaction uses: the incident
 * first, then its dispatches (closing an incident, blowing a whistle and syncing an incident's
 * status lock in that order too). Taking them the other way round deadlocks against those.
 * Answers null when the dispatch does not exist.
 */
export async function lockDispatchWithIncident(
  manager: EntityManager,
  dispatchId: string,
): Promise<{ dispatch: Dispatch; incident: IncidentRow } | null> {
  // A dispatch never moves to another incident, so its incident id can be read unlocked first.
  const ref = await manager.findOne(Dispatch, {
    where: { id: dispatchId },
    select: { id: true, incidentId: true },
  });
  if (!ref) return null;
  const incident = await lockIncident(manager, ref.incidentId);
  if (!incident) return null;
  const dispatch = await manager.findOneOrFail(Dispatch, {
    where: { id: dispatchId },
    lock: { mode: 'pessimistic_write' },
  });
  return { dispatch, incident };
}
