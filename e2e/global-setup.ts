import { startFaultUpstream } from '../src/server/fault-upstream.ts';
import { PORTS } from './servers.ts';

/** The fault upstream runs in the runner's process; the viewer only reaches it on request, so start order does not matter. */
export default async function globalSetup() {
  const upstream = await startFaultUpstream(PORTS.faultUpstream);
  return () => upstream.close();
}
