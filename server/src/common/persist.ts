import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * Writes back a row already loaded (and locked) in this transaction with one UPDATE. TypeORM's
 * `save()` would first SELECT it again to diff; on the hot whistle path that round trip counts.
 */
export async function persist<T extends ObjectLiteral & { id: string; updatedAt: Date }>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entity: T,
): Promise<void> {
  entity.updatedAt = new Date();
  const { id, ...columns } = entity;
  await manager.update(target, { id }, columns as unknown as QueryDeepPartialEntity<T>);
}
