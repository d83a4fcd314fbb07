/**
 * The whole stack for browser tests: the built dashboard served by the real server, on a fresh
 * database with the demo district's reference data and a Redis prefix of its own.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export const ROOT = join(__dirname, '..', '..', '..');
const PG = process.env.E2E_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const REDIS_URL = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DASHBOARD_DIST = join(ROOT, 'dashboard', 'dist');

export interface StackInfo {
  baseUrl: string;
  database: string;
  serverPid: number;
}

/** Newest modification time under a folder (source files only matter, so dist is skipped). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds what the stack runs from when it is missing or older than its sources. */
export function buildIfNeeded(): void {
  const stale = (output: string, ...sources: string[]) =>
    !existsSync(output) || sources.some((s) => newestMtime(join(ROOT, s)) > statSync(output).mtimeMs);
  const run = (command: string) => execSync(command, { cwd: ROOT, stdio: 'inherit' });
  if (stale(join(ROOT, 'shared', 'dist', 'index.js'), 'shared/src')) run('npm run build -w shared');
  if (stale(join(ROOT, 'server', 'dist', 'main.js'), 'server/src', 'shared/src'))
    run('npm run build -w server');
  if (stale(join(ROOT, 'demo', 'dist', 'seed', 'seed-reference.js'), 'demo/src', 'server/src', 'shared/src'))
    run('npm run build -w demo');
  if (stale(join(DASHBOARD_DIST, 'index.html'), 'dashboard/src', 'shared/src'))
    run('npm run build -w dashboard');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// The compiled migration, seed and Redis helpers (what `npm run seed` runs), loaded lazily:
// buildIfNeeded() may have to build them first.
const serverDist = async () => ({
  ...(await import('@whistle/server/dist/database/migrate')),
  ...(await import('@whistle/server/dist/database/typeorm-options')),
  ...(await import('@whistle/server/dist/queues/redis')),
  ...(await import('@whistle/demo/dist/seed/seed-reference')),
});

export async function createDatabase(name: string): Promise<void> {
  const { migrate, seedReference, typeormOptions } = await serverDist();
  const url = `${PG}/${name}`;
  await migrate(url);
  const db = new DataSource(typeormOptions(url));
  await db.initialize();
  try {
    await seedReference(db, {});
  } finally {
    await db.destroy();
  }
}

export async function dropDatabase(name: string): Promise<void> {
  const { deleteKeysWithPrefix } = await serverDist();
  const admin = new DataSource({ type: 'postgres', url: `${PG}/postgres` });
  await admin.initialize();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.destroy();
  }
  await deleteKeysWithPrefix(REDIS_URL, name);
}

/** Starts the server (process role `both`) serving the dashboard; resolves once /health answers. */
export async function startServer(
  database: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: `${PG}/${database}`,
      REDIS_URL,
      REDIS_PREFIX: database,
      JWT_SECRET: 'browser-tests-secret-0123456789',
      PORT: String(port),
      DASHBOARD_DIST,
      LOG_LEVEL: 'warn',
      // Any free port: another stack or a local server may hold the default 9464.
      METRICS_PORT: '0',
      // Every journey signs in from this one address, and many sign in as the same demo accounts
      // within a minute (the limits themselves are tested in server/test/sessions.int-spec.ts).
      LOGIN_LIMIT_PER_IP: '10000',
      LOGIN_LIMIT_PER_ACCOUNT: '1000',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const health = `http://127.0.0.1:${port}/health`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(health)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the server did not become healthy on port ${port}`);
}

export async function startStack(prefix = 'whistle_e2e'): Promise<StackInfo & { server: ChildProcess }> {
  buildIfNeeded();
  const database = `${prefix}_${randomBytes(4).toString('hex')}`;
  await createDatabase(database);
  const port = await freePort();
  const server = await startServer(database, port);
  return { baseUrl: `http://127.0.0.1:${port}`, database, serverPid: server.pid ?? 0, server };
}

export async function stopServer(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 75; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  process.kill(pid, 'SIGKILL');
}
