import { QUERY_READ_TIMEOUT } from '../common/database-unavailable';

/** The slice of node-postgres' Client this file relies on. */
interface PgClient {
  query(...args: unknown[]): unknown;
  connection: { stream: { destroy(): void } };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- pg ships no type declarations of its own
const { Client } = require('pg') as { Client: new (config?: object) => PgClient };

/**
 * node-postgres' client, except that a query left unanswered past `query_timeout` closes its
 * connection. pg alone only stops waiting: the query stays sent and the connection goes back to
 * the pool, so when a frozen server wakes up, the late answer — or the transaction still open on
 * it, which the next user's COMMIT would commit — lands on whoever holds the connection then.
 * Closed, it fails whatever was queued on it ("Connection terminated") and the pool drops it.
 */
export class BoundedClient extends Client {
  override query(...args: unknown[]): unknown {
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (err: unknown, ...rest: unknown[]) => {
        this.dropIfUnanswered(err);
        (callback as (...a: unknown[]) => void)(err, ...rest);
      };
      return super.query(...args);
    }
    const result = super.query(...args);
    // Registered before the caller's own handlers, so the connection is gone before it goes on.
    if (result instanceof Promise) result.catch((err: unknown) => this.dropIfUnanswered(err));
    return result;
  }

  private dropIfUnanswered(err: unknown): void {
    if (err instanceof Error && err.message === QUERY_READ_TIMEOUT) this.connection.stream.destroy();
  }
}
