import type { EntityManager } from 'typeorm';
import { Whistle } from './whistle.entity';

/** A whistle as other modules read it. */
export type WhistleRow = Whistle;

/** An incident's whistles, in the order they were blown. */
export function whistlesOfIncident(manager: EntityManager, incidentId: string): Promise<WhistleRow[]> {
  return manager.find(Whistle, { where: { incidentId }, order: { createdAt: 'ASC' } });
}
