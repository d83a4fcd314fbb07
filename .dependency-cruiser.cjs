// The structure's rules, checked in `npm test` (`npm run lint:deps`). Each rule says why it holds.
// Violations that existed when a rule was introduced are listed in .dependency-cruiser-known-violations.json
// and shrink as the code is untied; a new one fails the check. See ARCHITECTURE.md.
const { join } = require('node:path');

/** A server domain module: one folder under server/src. */
const SERVER_MODULE = '^server/src/([^/]+)/';

module.exports = {
  forbidden: [
    {
      name: 'shared-imports-neither-side',
      comment: 'shared holds the contracts both sides import: it must build without either of them.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: { path: '^(server|dashboard|simulator|bench|demo)/' },
    },
    {
      name: 'dashboard-never-imports-server',
      comment: 'The dashboard talks to the server over HTTP and sockets; contracts come from shared.',
      severity: 'error',
      from: { path: '^dashboard/' },
      to: { path: '^(server|demo)/' },
    },
    {
      name: 'server-never-imports-demo-or-tools',
      comment: 'Production code never needs the demo world, the simulator, the benchmark or the dashboard.',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^(demo|simulator|bench|dashboard)/' },
    },
    {
      name: 'declare-what-you-import',
      comment:
        'Every package a workspace imports is in its own package.json, so an install of it alone works.',
      severity: 'error',
      from: { path: '^(server|dashboard|shared|demo)/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-module-cycles',
      comment:
        'Modules form a graph without cycles, so each can be read, tested and changed from its dependencies up.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^server/src/[^/]+$' },
      to: { path: '^server/src/[^/]+$', circular: true },
    },
    {
      name: 'entities-stay-in-their-module',
      comment:
        'One module owns each table: others call its service or a read model it exports (relations between entity files excepted).',
      severity: 'error',
      from: { path: SERVER_MODULE, pathNot: ['\\.entity\\.ts$', '\\.spec\\.ts$'] },
      to: { path: '^server/src/[^/]+/.+\\.entity\\.ts$', pathNot: '^server/src/$1/' },
    },
    {
      name: 'no-view-imports-another-view',
      comment: 'Role views compose features; what two views share is a feature.',
      severity: 'error',
      from: { path: '^dashboard/src/views/([^/]+)/' },
      to: { path: '^dashboard/src/views/', pathNot: '^dashboard/src/views/$1/' },
    },
    {
      name: 'dashboard-lib-never-imports-features-or-views',
      comment:
        'lib holds what belongs to no feature (API client, query keys, generic UI): it builds on nothing above it.',
      severity: 'error',
      from: { path: '^dashboard/src/lib/' },
      to: { path: '^dashboard/src/(features|views)/' },
    },
    {
      name: 'no-feature-cycles',
      comment: 'Dashboard features build on each other in one direction, like the server modules.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^dashboard/src/features/[^/]+$' },
      to: { path: '^dashboard/src/features/[^/]+$', circular: true },
    },
    {
      name: 'features-never-import-views',
      comment:
        'Features are the building blocks views compose; the other way round would tie a feature to one role.',
      severity: 'error',
      from: { path: '^dashboard/src/features/' },
      to: { path: '^dashboard/src/views/' },
    },
  ],
  options: {
    // Each workspace's imports are checked against its own package.json, not the root's.
    combinedDependencies: false,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['(^|/)dist/', '\\.(spec|test|int-spec)\\.tsx?$', '(^|/)test/'] },
    // Type-only imports count: a module that needs another's types depends on it.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: join(__dirname, 'tsconfig.base.json') },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
