/**
 * Browser tests' stack, once for the whole e2e run: builds what is stale, a fresh database with the
 * demo reference data, and the real server (serving the built dashboard) on a free port with its
 * own Redis prefix. Tests find it through E2E_BASE_URL; the teardown stops and drops it all.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM } from './support/browser';
import { startStack } from './support/stack';
import { existsSync } from 'node:fs';

export default async function globalSetup(): Promise<void> {
  // Fail at once, before minutes of building, when the browser is missing: never skip.
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    );
  }
  mkdirSync(join(__dirname, 'artifacts'), { recursive: true });
  const stack = await startStack();
  process.env.E2E_BASE_URL = stack.baseUrl;
  process.env.E2E_DATABASE = stack.database;
  process.env.E2E_SERVER_PID = String(stack.serverPid);
  // The child must not keep Jest's own process alive; the teardown stops it by pid.
  stack.server.unref();
}
