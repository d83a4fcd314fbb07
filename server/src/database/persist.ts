import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { asStatement, type DeferredWrite } from './deferred-write';
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
  const { sql, params } = asStatement(rowUpdate(manager, target, entity));
  await manager.query(sql, params);
}

/**
 * The same UPDATE as a deferred write, for a transaction that reads the row no more (see
 * RecordingTx.write): it rides in the statement that writes the transaction's events.
 */
export function rowUpdate<T extends ObjectLiteral & { id: string; updatedAt: Date }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entity: T,
): DeferredWrite {
  entity.updatedAt = new Date();
  const rows = entityRows(manager, target);
  return (param) => rows.updateById(entity, param);
}
