import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// JSON numbers as written in every test, as the browser and the viewer's server read them (see the file).
const SOURCE_ACCESS = 'src/server/json-source-access.ts';

// Separate from vite.config.ts so that a test run never starts the viewer's own server.
export default defineConfig({
  plugins: [react()],
  test: {
    restoreMocks: true,
    // Vitest's default leaves a core free, which on a two-core machine runs every file one after another; most
    // files wait on sockets, servers and the database as much as they compute. (The timing tests keep to one.)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'src/lib/**/*.test.ts', 'src/shared/**/*.test.ts', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.timing.test.ts'],
          setupFiles: [SOURCE_ACCESS, 'src/test/setup.ts'],
        },
      },
      {
        // Tests that hold the server to time bounds (and force garbage collections, hence --expose-gc): they run
        // one file at a time, after the others, so that a busy machine does not eat the bounds they check.
        extends: true,
        test: {
          name: 'server-timing',
          environment: 'node',
          include: ['src/server/**/*.timing.test.ts'],
          pool: 'forks',
          execArgv: ['--expose-gc'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          setupFiles: [SOURCE_ACCESS, 'src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'jsdom',
          include: ['src/{app,features,components}/**/*.test.{ts,tsx}', 'src/lib/**/*.test.tsx'],
          setupFiles: [SOURCE_ACCESS, 'src/test/setup.ts', 'src/test/dom-setup.ts'],
        },
      },
    ],
  },
});
