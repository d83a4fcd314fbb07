// Lets a child process run the server's TypeScript sources the way the test runner does (swc, the
// same options as jest.config.js), e.g. a command-line script under test:
//   node -r ./server/test/support/ts-register.cjs server/src/cli/create-admin.ts --username ops
// So an integration test exercises the current source without a fresh `npm run build` first.
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

const SHARED = join(__dirname, '..', '..', '..', 'shared', 'src', 'index.ts');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === '@whistle/shared' ? SHARED : request, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
