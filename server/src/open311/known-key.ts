import type { EntityManager } from 'typeorm';
import { displayPrefix, hashApiKey } from './api-key-hash';
import { Open311ApiKey } from './open311-api-key.entity';

export interface KnownKey {
  name: string;
  /** The key itself, known in advance (a demo's published key); only its hash is stored. */
  secret: string;
  createdById: string | null;
}

/**
 * Issues an API key whose secret the caller already knows, unless one with that secret exists. An
 * existing one is left as it is: once an administrator has revoked it, it stays revoked. Returns
 * how many keys were issued (0 or 1). Keys for real clients are issued by ApiKeysService, which
 * draws the secret and shows it once.
 */
export async function issueKnownKey(m: EntityManager, key: KnownKey): Promise<number> {
  const result = await m
    .createQueryBuilder()
    .insert()
    .into(Open311ApiKey)
    .values({
      name: key.name,
      keyHash: hashApiKey(key.secret),
      prefix: displayPrefix(key.secret),
      rateLimitPerMinute: null,
      createdById: key.createdById,
    })
    .orIgnore()
    .returning('1')
    .updateEntity(false)
    .execute();
  return (result.raw as unknown[]).length;
}
