import { AsyncLocalStorage } from 'node:async_hooks';
import type { EntityManager } from 'typeorm';
import { asStatement, type DeferredWrite } from '../database/deferred-write';

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
  const write = claimCommittedWrite();
  if (!write) return;
  const { sql, params } = asStatement(write);
  await manager.query(sql, params);
}

/** markClaimCommitted as a part of a larger statement; null when the request has no claim. */
export function claimCommittedWrite(): DeferredWrite | null {
  const claim = currentClaim.getStore();
  if (!claim) return null;
  return (param) =>
    `UPDATE idempotency_keys SET committed = true
      WHERE scope = ${param(claim.scope)} AND key = ${param(claim.key)}
        AND method = ${param(claim.method)} AND route = ${param(claim.route)} AND NOT committed`;
}
