import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import type { StartOptions } from '../../src/app.module';
import { startApp } from '../../src/bootstrap';
import { loadConfig, type AppConfig, type ProcessRole } from '../../src/config/app-config';
import { migrate } from '../../src/database/migrate';
import { PrometheusServer } from '../../src/observability/prometheus-server';
import { typeormOptions } from '../../src/database/typeorm-options';
import { deleteKeysWithPrefix } from '../../src/queues/redis';

const PG_BASE = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * One test file's world: its own PostgreSQL database and Redis key prefix, migrated, and dropped
 * again by `destroy()`. Apps booted from it run exactly the production bootstrap.
 */
export class TestEnv {
  readonly db: DataSource;
  /**
   * Random per test file, shared by its apps: production (NODE_ENV=production) refuses any secret
   * written in the repository, and tests run the production rules too.
   */
  private readonly jwtSecret = randomBytes(32).toString('base64');
  private readonly apps = new Set<RunningTestApp>();

  private constructor(
    readonly databaseUrl: string,
    readonly redisPrefix: string,
    private readonly dbName: string,
    private readonly pgBase: string,
  ) {
    this.db = new DataSource(typeormOptions(databaseUrl));
  }

  /** `pgBase`: another PostgreSQL server than the shared one (a private one whose outage a test stages). */
  static async create(options: { pgBase?: string } = {}): Promise<TestEnv> {
    const pgBase = options.pgBase ?? PG_BASE;
    const suffix = randomBytes(5).toString('hex');
    const dbName = `whistle_test_${suffix}`;
    const env = new TestEnv(`${pgBase}/${dbName}`, `wt-${suffix}`, dbName, pgBase);
    await migrate(env.databaseUrl);
    await env.db.initialize();
    return env;
  }

  config(overrides: Partial<Record<string, string>> = {}): AppConfig {
    return loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL,
      REDIS_PREFIX: this.redisPrefix,
      JWT_SECRET: this.jwtSecret,
      PORT: '0',
      METRICS_PORT: '0',
      LOG_LEVEL: 'silent',
      OUTBOX_POLL_MS: '100',
      ...overrides,
    });
  }

  async start(
    role: ProcessRole = 'both',
    overrides: Partial<Record<string, string>> = {},
    options: StartOptions = {},
  ): Promise<RunningTestApp> {
    const config = this.config({ PROCESS_ROLE: role, ...overrides });
    const app = await startApp(config, options);
    const running = new RunningTestApp(app as INestApplication, role, () => this.apps.delete(running));
    this.apps.add(running);
    return running;
  }

  async destroy(): Promise<void> {
    for (const app of [...this.apps]) await app.close();
    await this.db.destroy();
    const admin = new DataSource({ type: 'postgres', url: `${this.pgBase}/postgres` });
    await admin.initialize();
    await admin.query(`DROP DATABASE IF EXISTS "${this.dbName}" WITH (FORCE)`);
    await admin.destroy();
    await deleteKeysWithPrefix(REDIS_URL, this.redisPrefix);
  }
}

export class RunningTestApp {
  constructor(
    readonly app: INestApplication,
    readonly role: ProcessRole,
    private readonly onClose: () => void,
  ) {}

  get url(): string {
    const address = (this.app.getHttpServer() as Server).address() as AddressInfo | null;
    if (!address) throw new Error('app is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  /** The Prometheus listener (every role has one; METRICS_PORT 0 in tests, so an ephemeral port). */
  get metricsUrl(): string {
    const address = this.app.get(PrometheusServer).address();
    if (!address) throw new Error('the metrics endpoint is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  get<T>(token: new (...args: never[]) => T): T {
    return this.app.get(token);
  }

  async close(): Promise<void> {
    this.onClose();
    await this.app.close();
  }
}
