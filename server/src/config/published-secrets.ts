/**
 * Every JWT secret this repository has ever published: demo and test values anyone can read, so
 * anyone could sign tokens with them. A production server refuses each of them whatever its length.
 * published-secrets.spec.ts scans the repository for JWT_SECRET literals and fails when one is
 * missing here, so the list cannot fall behind; entries whose source is gone stay (history keeps them).
 */
export const PUBLISHED_JWT_SECRETS: readonly string[] = [
  // server/scripts/local-env.sh (`npm run demo`, `npm run seed`); also docker/compose.yml's old fallback.
  'whistle-demo-secret-change-me',
  // docker/compose.yml's first fallback, in the repository's history.
  'change-me-to-a-long-random-secret',
  // server/test/support/test-app.ts, before each test file made a random one.
  'test-secret-of-sufficient-length',
  // test/e2e/support/stack.ts
  'browser-tests-secret-0123456789',
  // bench/lib/server.ts and bench/wall.ts, before the benchmark made a random one per run.
  'bench-secret-of-enough-length',
  // server/src/config/app-config.spec.ts and exposure-settings.spec.ts
  'a-secret-of-enough-length',
];
