/** Jest runs the TypeScript sources as native ESM through SWC (see README: Node needs --experimental-vm-modules). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
};

/**
 * @fastify/static (CommonJS) requires content-disposition 3 (ESM only). Node 20.19+ loads that
 * natively; Jest's module runtime only does from Node 24.9, so Jest gets a CommonJS copy.
 */
const esmOnlyDependency = 'node_modules/(?:.+/)?content-disposition/';

export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    [`${esmOnlyDependency}.+\\.js$`]: ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:.+/)?content-disposition/)`],
  testTimeout: 60_000,
  // Native ESM under Jest's VM modules keeps every test file's module graph alive in the process
  // that ran it: one long-lived process grows until V8 aborts (CI: heap out of memory after 30 min).
  // A limit makes Jest run the files in worker processes and replace a worker that grew past it.
  workerIdleMemoryLimit: '1GB',
  // The multi-node tests start `node dist/main.js`: build it first when the sources moved on.
  globalSetup: '<rootDir>/test/support/build-if-stale.ts',
};
