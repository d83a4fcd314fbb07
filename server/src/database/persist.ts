import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { asStatement } from './deferred-write';
import { entityRows } from './entity-rows';

/**
 * Writes back a row already loaded (and locked) in this transaction with one UPDATE, in plain SQL
 * from the entity's metadata. TypeORM's `save()` would first SELECT it again to diff, and its
 * update() builds the statement anew each time; both count on the whistle and deadline paths.
 */
export async function persist<T extends ObjectLiteral & { id: string; updatedAt: Date }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entity: T,
): Promise<void> {
  entity.updatedAt = new Date();
  const { sql, params } = asStatement((param) => entityRows(manager, target).updateById(entity, param));
  await manager.query(sql, params);
}
