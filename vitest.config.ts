import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

// JSON numbers as written in every test, as the browser and the viewer's server read them (see the file).
const SOURCE_ACCESS = 'src/server/json-source-access.ts';

const SERVER_SETUP = [SOURCE_ACCESS, 'src/test/setup.ts'];
const BROWSER_SETUP = [...SERVER_SETUP, 'src/test/dom-setup.ts'];
const SERVER_TESTS = ['src/server/**/*.test.ts', 'src/lib/**/*.test.ts', 'src/shared/**/*.test.ts', 'scripts/**/*.test.ts'];
const SERVER_TESTS_ALONE = ['src/server/demo/conversations.test.ts'];
const BROWSER_TESTS = ['src/{app,features,components}/**/*.test.{ts,tsx}', 'src/lib/**/*.test.tsx'];
const BROWSER_TESTS_ALONE = [
  'src/app/start-app.test.tsx',
  'src/features/snapshots/api/download-shared.test.ts',
  'src/features/transcript/data/text-index-client-tokenizer.test.ts',
  'src/features/transcript/data/text-index-client-unavailable.test.ts',
  'src/features/transcript/lib/highlight-languages.test.ts',
  'src/features/transcript/lib/markdown-client.test.ts',
  'src/features/transcript/lib/markdown-tree.test.ts',
  'src/features/transcript/list/use-focused-row.test.tsx',
  'src/features/transcript/list/use-reader-position.test.tsx',
  'src/lib/use-error-description-unavailable.test.tsx',
  'src/lib/with-downloads.test.tsx',
];

// Separate from vite.config.ts so that a test run never starts the viewer's own server.
export default defineConfig({
  plugins: [react()],
  test: {
    restoreMocks: true,
    unstubGlobals: true,
    unstubEnvs: true,
    // Vitest's default leaves a core free, which on a two-core machine runs every file one after another; most
    // files wait on sockets, servers and the database as much as they compute. (The timing tests keep to one.)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: SERVER_TESTS,
          exclude: [...configDefaults.exclude, '**/*.timing.test.ts', ...SERVER_TESTS_ALONE],
          // Files share a worker's modules rather than importing the server afresh each (which took a third of the run).
          isolate: false,
          setupFiles: SERVER_SETUP,
        },
      },
      {
        // Files that mock modules run alone.
        extends: true,
        test: {
          name: 'server-alone',
          environment: 'node',
          include: SERVER_TESTS_ALONE,
          setupFiles: SERVER_SETUP,
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
          setupFiles: SERVER_SETUP,
        },
      },
      {
        // A fresh jsdom for each file cost more than the tests themselves (about 1.4 s a file, most of the unit run):
        // these files share one per worker. They clean up after themselves: the DOM after each test (dom-setup.ts),
        // mocks and stubbed globals (restoreMocks, unstubGlobals).
        extends: true,
        test: {
          name: 'browser',
          environment: 'jsdom',
          include: BROWSER_TESTS,
          exclude: [...configDefaults.exclude, ...BROWSER_TESTS_ALONE],
          isolate: false,
          setupFiles: BROWSER_SETUP,
        },
      },
      {
        // Files that mock modules, or check what a library holds once per page (the grammars highlight.js has
        // registered, the trees the Markdown worker sent), or whether the focus ring shows (the selector engine remembers
        // whether the last focus came from the keyboard): each runs in a page of its own.
        extends: true,
        test: {
          name: 'browser-alone',
          environment: 'jsdom',
          include: BROWSER_TESTS_ALONE,
          setupFiles: BROWSER_SETUP,
        },
      },
    ],
  },
});
