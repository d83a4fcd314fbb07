import { setTimeout as delay } from 'node:timers/promises';

/**
 * PostgreSQL's answers that mean "this transaction lost a race, the same work may succeed if run
 * again": deadlock_detected and serialization_failure. Nothing of the transaction was committed.
 */
const RETRYABLE_CODES = new Set(['40P01', '40001']);

/** How many times a transaction that lost a race runs in all before its error reaches the caller. */
export const TRANSACTION_ATTEMPTS = 4;

export function isRetryableTransactionError(err: unknown): boolean {
  // TypeORM wraps the driver's error in a QueryFailedError that keeps its `code`.
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

/**
 * Runs `attempt` again when it failed for a retryable reason, after a short random pause so the
 * two sides of a deadlock do not collide again in step. `attempt` must start a fresh transaction.
 */
export async function withTransactionRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= TRANSACTION_ATTEMPTS || !isRetryableTransactionError(err)) throw err;
      await delay(Math.random() * 20 * n);
    }
  }
}
