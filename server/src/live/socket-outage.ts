import {
  DATABASE_OUTAGE_MESSAGES,
  DATABASE_RETRY_AFTER_SECONDS,
  databaseOutage,
} from '../common/database-unavailable';

/** The refusal of a handshake or a renewal when the session cannot be checked for an outage. */
export const SOCKET_UNAVAILABLE = 'unavailable';

/**
 * The error a refused handshake carries to the client's `connect_error`. PostgreSQL being
 * unreachable is `unavailable` with `data.retryAfter` (seconds), like an HTTP 503, so a client
 * tells an outage from a token it must replace ('unauthorized') and simply tries again later.
 */
export function handshakeRefusal(err: unknown): Error {
  const outage = databaseOutage(err);
  if (!outage) return err instanceof Error ? err : new Error('handshake failed');
  return Object.assign(new Error(SOCKET_UNAVAILABLE), {
    data: { retryAfter: DATABASE_RETRY_AFTER_SECONDS, message: DATABASE_OUTAGE_MESSAGES[outage] },
  });
}
