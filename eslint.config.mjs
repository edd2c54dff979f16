import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';
import boundaries from './eslint/server-only-boundary.mjs';

export default defineConfig([
  globalIgnores(['.next/**', 'node_modules/**', '.test-artifacts/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  ...nextVitals,
  ...nextTypescript,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Async functions without await are how interfaces are met (the memory store, fakes in tests).
      '@typescript-eslint/require-await': 'off',
      // An aborted wait rejects with the signal's reason, whatever the caller put there.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    plugins: { local: boundaries },
    rules: {
      'local/server-only-boundary': 'error',
      // The environment is parsed once, with zod, in lib/server/env.ts; everything else asks it.
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through lib/server/env.ts (getEnv()).' }],
    },
  },
  {
    // lib/server/env.ts parses the environment; tests, scripts and tool configs set up processes;
    // instrumentation.ts reads Next's own NEXT_RUNTIME before any app code may load.
    files: ['lib/server/env.ts', 'tests/**', 'scripts/**', '*.config.{ts,mts,mjs}', 'instrumentation.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Tests read JSON answers, inspect mocks' calls and hand their methods to expect(); these rules would only add casts.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
]);
