import { In, type EntityManager } from 'typeorm';
import { EventRecord } from './event.entity';

/** An event as the log holds it, for other modules' timelines. */
export type LoggedEvent = EventRecord;

/** Every logged event about these incidents, oldest first: an incident's timeline. */
export function eventsOfIncidents(
  manager: EntityManager,
  incidentIds: readonly string[],
): Promise<LoggedEvent[]> {
  return manager.find(EventRecord, { where: { incidentId: In([...incidentIds]) }, order: { id: 'ASC' } });
}

/**
 * Up to `limit` events after `afterId` delivered to any of `rooms`, oldest first: a page of a
 * reconnecting client's replay (the GIN index on rooms and the primary key serve it).
 */
export function eventsForRoomsAfter(
  manager: EntityManager,
  afterId: string,
  rooms: readonly string[],
  limit: number,
): Promise<LoggedEvent[]> {
  return manager
    .getRepository(EventRecord)
    .createQueryBuilder('e')
    .where('e.id > :afterId', { afterId })
    .andWhere('e.rooms && :rooms', { rooms })
    .orderBy('e.id', 'ASC')
    .limit(limit)
    .getMany();
}
