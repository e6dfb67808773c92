import { randomBytes } from 'node:crypto';
import { listen, type Listening } from '../http/listen.ts';
import type { DemoUpstream } from '../sources/sources.ts';
import { demoConversations } from './conversations.ts';
import { createEmulatorApp } from './emulator.ts';

/**
 * Starts the demo emulator on a free loopback port; the proxy reaches it over HTTP like a real upstream.
 * Its key is new each start, so no other local process can read or change the demo behind the viewer's back.
 */
export async function startDemoUpstream(): Promise<Listening & DemoUpstream> {
  const apiKey = `demo-${randomBytes(18).toString('base64url')}`;
  const listening = await listen(createEmulatorApp(demoConversations(), { apiKey }).fetch, '127.0.0.1', 0);
  return { ...listening, baseUrl: `${listening.url}/v1`, apiKey };
}
