import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { createViewer } from './create-viewer.ts';

describe('createViewer', () => {
  it('caps a huge UPSTREAM_TIMEOUT_SECONDS instead of failing every request at once', async () => {
    const viewer = await createViewer(loadConfig({ UPSTREAM_TIMEOUT_SECONDS: '3000000' }));
    try {
      const response = await viewer.app.request('/api/sources/demo/conversations/conv_demo_alice_bob/items');
      expect(response.status).toBe(200);
    } finally {
      await viewer.close();
    }
  });
});

describe('VIEWER_REMOTE_IMAGES', () => {
  it.each([
    [undefined, 'load'],
    ['ask', 'ask'],
    [' ASK ', 'ask'],
    ['load', 'load'],
  ])('%s tells the browser %s', async (value, expected) => {
    const viewer = await createViewer(loadConfig({ VIEWER_DEMO: 'off', ...(value === undefined ? {} : { VIEWER_REMOTE_IMAGES: value }) }));
    try {
      expect(await (await viewer.app.request('/api/sources')).json()).toMatchObject({ remoteImages: expected });
    } finally {
      await viewer.close();
    }
  });
});
