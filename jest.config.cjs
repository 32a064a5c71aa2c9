/** Two projects: fast pure tests, and the ones that run real servers (serially, see scripts/test.sh). */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }] };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/tests/domain/**/*.test.ts', '<rootDir>/tests/web/**/*.test.ts'],
    },
    {
      displayName: 'system',
      testEnvironment: 'node',
      transform,
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
      setupFiles: ['<rootDir>/tests/support/quiet-temporal.ts'],
      // A ceiling for a stuck test, not a budget: a loaded CI machine is slow, and speed is the benchmarks' job.
      testTimeout: 180_000,
      slowTestThreshold: 60,
    },
  ],
};
