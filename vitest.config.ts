import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// Separate from vite.config.ts so that a test run never starts the viewer's own server.
export default defineConfig({
  plugins: [react()],
  test: {
    restoreMocks: true,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['src/server/**/*.test.ts', 'src/lib/**/*.test.ts', 'src/shared/**/*.test.ts'],
          exclude: [...configDefaults.exclude, '**/*.gc.test.ts'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        // Tests that force garbage collections, in a process of their own started with --expose-gc.
        extends: true,
        test: {
          name: 'server-gc',
          environment: 'node',
          include: ['src/server/**/*.gc.test.ts'],
          pool: 'forks',
          execArgv: ['--expose-gc'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'jsdom',
          include: ['src/{app,features,components}/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts', 'src/test/dom-setup.ts'],
        },
      },
    ],
  },
});
