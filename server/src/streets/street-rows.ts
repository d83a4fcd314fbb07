import { In, type EntityManager } from 'typeorm';
import { Community } from './community.entity';
import { Street } from './street.entity';

/*
 * Streets and communities as rows, over a given manager: for the boundary import, which replaces
 * them in its own transaction, and for readers that match places by name (Open311 addresses).
 */

/** A street as other modules read and write it. */
export type StreetRow = Street;
/** A community as other modules read and write it. */
export type CommunityRow = Community;

export function allStreets(manager: EntityManager): Promise<StreetRow[]> {
  return manager.find(Street, { order: { code: 'ASC' } });
}

export function allCommunities(manager: EntityManager): Promise<CommunityRow[]> {
  return manager.find(Community, { order: { code: 'ASC' } });
}

/** Inserts a street (no id) or updates one (with its id); answers the saved row. */
export function saveStreet(manager: EntityManager, street: Partial<StreetRow>): Promise<StreetRow> {
  return manager.save(Street, street);
}

/** Inserts a community (no id) or updates one (with its id); answers the saved row. */
export function saveCommunity(
  manager: EntityManager,
  community: Partial<CommunityRow>,
): Promise<CommunityRow> {
  return manager.save(Community, community);
}

/** Streets by id (for names), in no particular order. */
export function streetsByIds(manager: EntityManager, ids: readonly string[]): Promise<StreetRow[]> {
  return ids.length ? manager.findBy(Street, { id: In([...ids]) }) : Promise.resolve([]);
}

/** Communities by id (for names), in no particular order. */
export function communitiesByIds(manager: EntityManager, ids: readonly string[]): Promise<CommunityRow[]> {
  return ids.length ? manager.findBy(Community, { id: In([...ids]) }) : Promise.resolve([]);
}
