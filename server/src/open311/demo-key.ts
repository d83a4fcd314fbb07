import type { EntityManager } from 'typeorm';
import { displayPrefix, hashApiKey } from './api-key-hash';
import { Open311ApiKey } from './open311-api-key.entity';

/** The key the README gives out so an Open311 client can try the demo at once. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

/**
 * Issues the demo key unless it exists. An existing one is left as it is: once an administrator
 * has revoked it, it stays revoked. Returns how many keys were issued (0 or 1).
 */
export async function seedDemoOpen311Key(m: EntityManager, adminUserId: string | null): Promise<number> {
  const result = await m
    .createQueryBuilder()
    .insert()
    .into(Open311ApiKey)
    .values({
      name: 'Demo Open311 client',
      keyHash: hashApiKey(DEMO_OPEN311_KEY),
      prefix: displayPrefix(DEMO_OPEN311_KEY),
      rateLimitPerMinute: null,
      createdById: adminUserId,
    })
    .orIgnore()
    .returning('1')
    .updateEntity(false)
    .execute();
  return (result.raw as unknown[]).length;
}
