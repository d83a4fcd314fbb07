/**
 * Test tiers: `unit` (pure logic, *.spec.ts beside the code), `integration` (the real app on real
 * PostgreSQL and Redis, server/test/**\/*.int-spec.ts, each file on its own database and Redis
 * prefix), `dashboard` (React components and the live store in jsdom, dashboard/src/**\/*.test.ts(x))
 * and `e2e` (browser journeys in test/e2e/: Chromium against the real server and built dashboard).
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@whistle/shared$': '<rootDir>/shared/src/index.ts',
    '^@whistle/demo$': '<rootDir>/demo/src/index.ts',
  },
  setupFilesAfterEnv: ['<rootDir>/test/jest-timeout.ts'],
  rootDir: __dirname,
};

/**
 * The demo seed imports the server's compiled code (@whistle/server/dist/...), as it runs beside a
 * built server. Its tests load the server's sources instead, the same modules the server's own
 * tests load: one set of entity classes for both, and no build needed first.
 */
const serverFromSource = { '^@whistle/server/dist/(.*)$': '<rootDir>/server/src/$1' };

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/shared/src/**/*.spec.ts',
        '<rootDir>/server/src/**/*.spec.ts',
        '<rootDir>/demo/src/**/*.spec.ts',
        '<rootDir>/simulator/src/**/*.spec.ts',
      ],
      moduleNameMapper: { ...shared.moduleNameMapper, ...serverFromSource },
    },
    {
      ...shared,
      displayName: 'dashboard',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/dashboard/src/**/*.test.ts', '<rootDir>/dashboard/src/**/*.test.tsx'],
      // Stylesheets mean nothing in jsdom; components that import them get an empty module.
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '\\.css$': '<rootDir>/dashboard/src/test/empty-module.ts',
      },
      setupFilesAfterEnv: [...shared.setupFilesAfterEnv, '<rootDir>/dashboard/src/test/setup.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      // One stack for every browser test: built, migrated, seeded and started once.
      globalSetup: '<rootDir>/test/e2e/global-setup.ts',
      globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
    },
    {
      ...shared,
      displayName: 'integration',
      testEnvironment: 'node',
      // test/*.int-spec.ts: whole-project checks such as the benchmark's smoke run.
      testMatch: [
        '<rootDir>/server/test/**/*.int-spec.ts',
        '<rootDir>/demo/test/**/*.int-spec.ts',
        '<rootDir>/test/*.int-spec.ts',
      ],
      moduleNameMapper: { ...shared.moduleNameMapper, ...serverFromSource },
    },
  ],
};
