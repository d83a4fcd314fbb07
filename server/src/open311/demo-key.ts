import type { EntityManager } from 'typeorm';
import { displayPrefix, hashApiKey } from './api-key-hash';
import { Open311ApiKey } from './open311-api-key.entity';

/** The key the README gives out so an Open311 client can try the demo at once. */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

/** Issues (or re-activates) the demo key, stored hashed like any other. */
export async function seedDemoOpen311Key(m: EntityManager, adminUserId: string | null): Promise<void> {
  await m.upsert(
    Open311ApiKey,
    {
      name: 'Demo Open311 client',
      keyHash: hashApiKey(DEMO_OPEN311_KEY),
      prefix: displayPrefix(DEMO_OPEN311_KEY),
      rateLimitPerMinute: null,
      createdById: adminUserId,
      revokedAt: null,
    },
    ['keyHash'],
  );
}
