import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks TextEncoder, which react-router needs at import time.
Object.assign(globalThis, { TextEncoder, TextDecoder });

// Every component test renders with the real texts (zh-CN by default), as users see them.
// Required after the polyfill: an import would be hoisted above it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../i18n');

// One session per page in the app, one per test here: each starts on a fresh page.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { authSession } = require('../lib/api/auth-session') as typeof import('../lib/api/auth-session');
beforeEach(() => authSession.reset());
afterEach(() => authSession.reset());

// findBy*/waitFor give up after 1 s by default: on a machine busy with the integration tests a
// login round (scrypt-free here, but React, the router and the query cache) can take longer. A
// condition that never comes true still fails, only later.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require('@testing-library/react') as typeof import('@testing-library/react')).configure({
  asyncUtilTimeout: 10_000,
});
