import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib'];

const noIo = (extra) => ({
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'No Node built-ins here: I/O belongs in activities, api or worker.' })),
  patterns: [
    { group: ['node:*'], message: 'No Node built-ins here: I/O belongs in activities, api or worker.' },
    { group: ['@prisma/*', 'better-sqlite3', 'pg', '**/db/*', '**/db/*/*', '**/prisma/generated/*', '**/prisma/generated', '**/prisma/generated-pg/*', '**/prisma/generated-pg'], message: 'No database access here: only activities write, only api reads.' },
    ...extra,
  ],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'prisma/generated/', 'prisma/generated-pg/', 'web/dist/', 'data/', 'coverage/', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.mjs', 'web/vite.config.ts', 'web/service-worker.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noIo([{ group: ['@temporalio/client', '@temporalio/worker', '@temporalio/activity'], message: 'Workflows use @temporalio/workflow only.' }])],
    },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noIo([{ group: ['@temporalio/*', 'express', 'react', 'react-dom'], message: 'domain/ is pure rules: it imports only zod.' }])],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['web/service-worker.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
