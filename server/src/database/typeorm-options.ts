import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { BoundedClient } from './bounded-client';

/**
 * Bounds on how long the pool and the server wait (milliseconds; 0 for the statement limits
 * means none). The app passes its configured ones; migrations, the seed and the CLI tools pass
 * none, so a long history insert or schema change is never cancelled half-way.
 */
export interface DatabaseLimits {
  /** A new connection, or a free one of the pool, within this long, else the query fails (503). */
  connectTimeoutMs?: number;
  /** PostgreSQL's `statement_timeout`: the server cancels a statement running longer (57014). */
  statementTimeoutMs?: number;
  /** PostgreSQL's `idle_in_transaction_session_timeout`: a stalled transaction cannot hold locks forever. */
  idleInTransactionTimeoutMs?: number;
  /**
   * The client's own limit: a query with no answer this long fails and its connection is closed.
   * A frozen server, or one behind a dead link, cannot cancel a statement on its limit.
   */
  queryTimeoutMs?: number;
}

/** The one TypeORM configuration: schema changes only through migrations, never `synchronize`. */
export function typeormOptions(databaseUrl: string, limits: DatabaseLimits = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    // Each module keeps its entities beside its code; they are found by name, so no central list
    // imports every module (which tied the database module to all of them).
    entities: [join(__dirname, '..', '*', '*.entity.{js,ts}')],
    migrations: [join(__dirname, 'migrations', '*.{js,ts}')],
    migrationsTableName: 'migrations',
    migrationsRun: false,
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // node-postgres pool options; the two server settings go in the connection's startup packet,
    // so they hold for every statement on it without a round trip of their own.
    extra: {
      max: 20,
      ...(limits.connectTimeoutMs ? { connectionTimeoutMillis: limits.connectTimeoutMs } : {}),
      ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}),
      ...(limits.idleInTransactionTimeoutMs
        ? { idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs }
        : {}),
      ...(limits.queryTimeoutMs ? { query_timeout: limits.queryTimeoutMs, Client: BoundedClient } : {}),
      // A connection whose peer vanished (a host gone, a link cut) is found out by TCP keepalive,
      // after this long idle, rather than the system's default of hours.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
  };
}

/** The limits the app's configuration sets. */
export function configuredLimits(config: {
  DATABASE_CONNECT_TIMEOUT_MS: number;
  DATABASE_STATEMENT_TIMEOUT_MS: number;
  DATABASE_IDLE_TX_TIMEOUT_MS: number;
  DATABASE_QUERY_TIMEOUT_MS: number;
}): DatabaseLimits {
  return {
    connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: config.DATABASE_IDLE_TX_TIMEOUT_MS,
    queryTimeoutMs: config.DATABASE_QUERY_TIMEOUT_MS,
  };
}
