/**
 * How a deadline firing that failed (the database away, a lock wait that timed out) runs again.
 * A stage's notice and escalation must never be dropped, so the job keeps retrying for longer than
 * any stage can run: 1 s, 2 s, 4 s … then every 5 minutes. Each retry re-checks the dispatch under
 * its row lock, so however many attempts it takes, the notice goes out once.
 */
export const DEADLINE_BACKOFF_TYPE = 'deadline-capped-exponential';

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 5 * 60_000;

/** About 35 days of retries at the longest pause: a stuck job still ends up in the failed set. */
export const DEADLINE_ATTEMPTS = 10_000;

/**
 * The pause before retry number `attemptsMade`: doubling from a second up to five minutes, each
 * drawn from its upper half so a burst of deadlines that failed together (a database restart)
 * does not come back in one wave.
 */
export function deadlineRetryDelay(attemptsMade: number, random: () => number = Math.random): number {
  const ceiling = Math.min(LONGEST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}
