/** Two projects: fast pure tests, and the ones that run real servers (serially, see scripts/test.sh). */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }] };

// file-type (ESM only) and its dependencies are transformed to CommonJS for Jest's module loader;
// Node itself require()s them as they are.
const esmOnly = ['file-type', 'strtok3', 'token-types', '@tokenizer', 'uint8array-extras', '@borewit'];
const esm = {
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleNameMapper: { '^file-type$': '<rootDir>/node_modules/file-type/index.js' },
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      ...esm,
      testMatch: ['<rootDir>/tests/domain/**/*.test.ts', '<rootDir>/tests/web/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/test-ceiling.ts'],
    },
    {
      displayName: 'system',
      testEnvironment: 'node',
      transform,
      ...esm,
      testMatch: [
        '<rootDir>/tests/workflows/**/*.test.ts',
        '<rootDir>/tests/activities/**/*.test.ts',
        '<rootDir>/tests/db/**/*.test.ts',
        '<rootDir>/tests/worker/**/*.test.ts',
        '<rootDir>/tests/api/**/*.test.ts',
        '<rootDir>/tests/integration/**/*.test.ts',
        '<rootDir>/tests/scripts/**/*.test.ts',
        '<rootDir>/tests/e2e/**/*.spec.ts',
      ],
      globalSetup: '<rootDir>/tests/support/system-setup.ts',
      globalTeardown: '<rootDir>/tests/support/system-teardown.ts',
      setupFiles: ['<rootDir>/tests/support/quiet-temporal.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/test-ceiling.ts'],
      slowTestThreshold: 60,
      // `npm run test:cluster`: needs the cluster's Go binaries (scripts/install-cluster-tools.sh).
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/integration/cluster.test.ts'],
    },
    {
      displayName: 'cluster',
      testEnvironment: 'node',
      transform,
      ...esm,
      testMatch: ['<rootDir>/tests/integration/cluster.test.ts'],
      setupFiles: ['<rootDir>/tests/support/quiet-temporal.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/test-ceiling.ts'],
      slowTestThreshold: 60,
    },
  ],
};
