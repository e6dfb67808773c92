import { listen, type Listening } from '../listen.ts';
import { demoConversations } from './conversations.ts';
import { createEmulatorApp } from './emulator.ts';

/** Starts the demo emulator on a free loopback port; the proxy reaches it over HTTP like a real upstream. */
export async function startDemoUpstream(): Promise<Listening & { baseUrl: string }> {
  const listening = await listen(createEmulatorApp(demoConversations).fetch, '127.0.0.1', 0);
  return { ...listening, baseUrl: `${listening.url}/v1` };
}
