import { rmSync } from 'node:fs';
import { startFaultUpstream } from '../src/server/testing/fault-upstream.ts';
import { E2E_DATA_DIR, PORTS } from './servers.ts';

/** The fault upstream runs in the runner's process; the viewer only reaches it on request, so start order does not matter. */
export default async function globalSetup() {
  const upstream = await startFaultUpstream(PORTS.faultUpstream);
  return async () => {
    await upstream.close();
    rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  };
}
