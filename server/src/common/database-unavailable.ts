/** How long a client is asked to wait (Retry-After, seconds) when PostgreSQL cannot answer. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Why PostgreSQL could not answer: not reachable at all, or too slow (the statement limit). */
export type DatabaseOutage = 'unavailable' | 'timeout';

/** What a client is told for each, without naming anything internal. */
export const DATABASE_OUTAGE_MESSAGES: Record<DatabaseOutage, string> = {
  unavailable: 'The database is unavailable; try again shortly',
  timeout: 'The database did not answer in time; try again shortly',
};

/**
 * SQLSTATEs that say the server is going, gone, full or cancelled the statement on its limit:
 * 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now (starting or stopping),
 * 53300 too_many_connections. Class 08 (connection exception) is matched as a whole.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const STATEMENT_TIMEOUT_STATE = '57014';

/** Socket-level failures of reaching the server (refused, reset, unroutable, name not found). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * node-postgres reports a lost or never-made connection as a plain Error with no code: the
 * connection ended under a query, the pool's connect timeout (for a new connection or a free
 * one), a client that already broke.
 */
const DRIVER_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /is not queryable$/,
];

/** node-postgres' error when `query_timeout` (DATABASE_QUERY_TIMEOUT_MS) passed without an answer. */
export const QUERY_READ_TIMEOUT = 'Query read timeout';

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  errors?: unknown;
}

/**
 * Whether an error means PostgreSQL could not answer, and why; null for every other error (a
 * constraint, a bad query, a bug), which keeps its own answer. TypeORM wraps driver errors in
 * QueryFailedError (with the driver's `code` copied and the original as `driverError`); a refused
 * connection to a host with several addresses is an AggregateError. Only the driver's own error
 * shapes are followed (not `cause`), so a failing HTTP fetch elsewhere is never taken for the database.
 */
export function databaseOutage(error: unknown, depth = 0): DatabaseOutage | null {
  if (typeof error !== 'object' || error === null || depth > 3) return null;
  const e = error as ErrorLike;
  if (typeof e.code === 'string') {
    if (e.code === STATEMENT_TIMEOUT_STATE) return 'timeout';
    if (UNAVAILABLE_STATES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code) || NETWORK_CODES.has(e.code)) {
      return 'unavailable';
    }
  }
  // The client's own limit (DATABASE_QUERY_TIMEOUT_MS): the server did not answer in time.
  if (e.message === QUERY_READ_TIMEOUT) return 'timeout';
  if (typeof e.message === 'string' && DRIVER_MESSAGES.some((pattern) => pattern.test(e.message as string))) {
    return 'unavailable';
  }
  const inner = [e.driverError, ...(Array.isArray(e.errors) ? (e.errors as unknown[]) : [])];
  for (const candidate of inner) {
    const found = databaseOutage(candidate, depth + 1);
    if (found) return found;
  }
  return null;
}
