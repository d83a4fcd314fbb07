import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';

/** The record a request holds while it runs: the primary key of its idempotency_keys row. */
export interface IdempotencyClaim {
  scope: string;
  key: string;
  method: string;
  route: string;
}

const currentClaim = new AsyncLocalStorage<IdempotencyClaim>();

/** Runs a request's work knowing its claim, so its transactions can mark the claim committed. */
export function runWithClaim<T>(claim: IdempotencyClaim, work: () => Promise<T>): Promise<T> {
  return currentClaim.run(claim, work);
}

/**
 * Called inside a transaction that creates something: when the request carries an Idempotency-Key,
 * its record is marked committed together with the created rows. Should the process die before the
 * answer is stored, a repeat then learns the first attempt went through instead of running again.
 */
export async function markClaimCommitted(manager: EntityManager): Promise<void> {
  const claim = currentClaim.getStore();
  if (!claim) return;
  await manager.query(
    `UPDATE idempotency_keys SET committed = true
      WHERE scope = $1 AND key = $2 AND method = $3 AND route = $4 AND NOT committed`,
    [claim.scope, claim.key, claim.method, claim.route],
  );
}
