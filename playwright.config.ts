import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/chromium.ts';
import { join } from 'node:path';
import { CANARY_KEY, E2E_DATA_DIR, E2E_PASSWORD, E2E_TOKEN, origin, PORTS } from './e2e/servers.ts';

// No test may reach a real provider, whatever keys the shell holds.
const NO_KEYS = { DASHSCOPE_API_KEY: '', DASHSCOPE_INTL_API_KEY: '', DASHSCOPE_CN_API_KEY: '', DASHSCOPE_US_API_KEY: '', DASHSCOPE_HK_API_KEY: '', DASHSCOPE_REGION: '', VIEWER_SOURCES_FILE: '', OPENAI_API_KEY: '', OPENAI_ORG_ID: '', OPENAI_PROJECT_ID: '', VIEWER_PASSWORD: '', VIEWER_TOKEN: '', VIEWER_DEFAULT_SOURCE: '', VIEWER_DEMO: 'on', HOST: '127.0.0.1' };

function server(port: number, env: Record<string, string>, command = 'node dist/server/main.js') {
  return {
    command,
    url: `${origin(port)}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Every test makes its snapshots from one address: the per-client limit (unit-tested) would make their order matter.
    env: { ...NO_KEYS, PORT: String(port), VIEWER_DATA_DIR: join(E2E_DATA_DIR, String(port)), SNAPSHOT_RATE_LIMIT: '1000', ...env },
  };
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Two workers share the machine with four servers, and the hostile demo conversation is 11 MB.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? 'line' : 'list',
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: origin(PORTS.demo),
    trace: 'off',
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined } },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
  ],
  webServer: [
    server(PORTS.demo, {}),
    server(PORTS.faults, {
      OPENAI_API_KEY: CANARY_KEY,
      OPENAI_BASE_URL: `${origin(PORTS.faultUpstream)}/v1`,
      UPSTREAM_TIMEOUT_SECONDS: '1',
      UPSTREAM_MAX_BYTES: '100000',
    }),
    server(PORTS.secured, { VIEWER_PASSWORD: E2E_PASSWORD, VIEWER_TOKEN: E2E_TOKEN }),
    // The dev server, to check that the app works under its policy too.
    server(PORTS.dev, { VIEWER_PASSWORD: E2E_PASSWORD }, `node node_modules/vite/bin/vite.js --port ${PORTS.dev} --strictPort --clearScreen false`),
  ],
});
