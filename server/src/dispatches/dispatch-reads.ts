import { In, type EntityManager } from 'typeorm';
import { Dispatch } from './dispatch.entity';

/** A dispatch as other modules read it. */
export type DispatchRow = Dispatch;

/** The dispatches on these incidents, oldest first. */
export function dispatchesOfIncidents(
  manager: EntityManager,
  incidentIds: readonly string[],
): Promise<DispatchRow[]> {
  if (incidentIds.length === 0) return Promise.resolve([]);
  return manager.find(Dispatch, { where: { incidentId: In([...incidentIds]) }, order: { createdAt: 'ASC' } });
}

/** Who each dispatch on an incident summons: for checks on the parties to it. */
export function partiesOfIncident(
  manager: EntityManager,
  incidentId: string,
): Promise<Pick<DispatchRow, 'id' | 'departmentId' | 'leaderUserId'>[]> {
  return manager.find(Dispatch, {
    where: { incidentId },
    select: { id: true, departmentId: true, leaderUserId: true },
  });
}
