import { defineConfig } from 'vitest/config';

const serverOnlyStub = new URL('./node_modules/server-only/empty.js', import.meta.url).pathname;

export default defineConfig({
  resolve: { tsconfigPaths: true, alias: { 'server-only': serverOnlyStub } },
  test: {
    environment: 'node',
    projects: [
      // The emulators' test switches exist only with SANDBOX_CONTROL=1, as in the app npm test starts.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], env: { SANDBOX_CONTROL: '1' } } },
      // Figures only (npm run bench:export, bench:loader), never part of npm test.
      { extends: true, test: { name: 'bench', include: ['scripts/bench/**/*.bench-run.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/integration/setup.ts'],
          // One app and its sandboxes are shared (faults are global), so files run one at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
