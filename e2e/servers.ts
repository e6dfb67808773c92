import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Moves every port below by this much (E2E_PORT_OFFSET), so two checkouts can run their suites side by side. */
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;

/** Ports of the servers Playwright starts; each spec picks the one whose configuration it tests. */
export const PORTS = {
  /** The production build with the demo source only. */
  demo: 4317 + OFFSET,
  /** The production build with an `openai` source in front of the fault upstream. */
  faults: 4318 + OFFSET,
  /** The production build with a password. */
  secured: 4319 + OFFSET,
  /** Vite's dev server, with a password. */
  dev: 4320 + OFFSET,
  /** The fault upstream, started by the global setup. */
  faultUpstream: 4391 + OFFSET,
} as const;

export const E2E_PASSWORD = 'e2e-viewer-password';
export const E2E_TOKEN = 'e2e-viewer-token';
/** The fault server's key: no answer, page or asset may ever contain it. */
export const CANARY_KEY = 'sk-test-LEAK-CANARY-e2e-7c2f9a41d3';

export const origin = (port: number) => `http://127.0.0.1:${port}`;

/** Where the servers keep their snapshot stores: a fresh directory per run, removed after it. */
export const E2E_DATA_DIR = join(tmpdir(), `conversation-viewer-e2e-data-${OFFSET}`);
