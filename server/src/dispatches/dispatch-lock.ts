import type { EntityManager } from 'typeorm';
import { lockById } from '../database/entity-rows';
import { lockIncidentReferencedBy } from '../incidents/incident-lock';
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
  // A dispatch never moves to another incident, so its incident id can be read unlocked.
  const incident = await lockIncidentReferencedBy(
    manager,
    `SELECT incident_id FROM dispatches WHERE id = $1`,
    [dispatchId],
  );
  if (!incident) return null;
  const dispatch = await lockById(manager, Dispatch, dispatchId);
  if (!dispatch) throw new Error(`dispatch ${dispatchId} vanished under its incident's lock`);
  return { dispatch, incident };
}
