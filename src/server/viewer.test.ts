import { describe, expect, it } from 'vitest';
import { createViewer } from './viewer.ts';

describe('createViewer', () => {
  it('caps a huge UPSTREAM_TIMEOUT_SECONDS instead of failing every request at once', async () => {
    const viewer = await createViewer({ UPSTREAM_TIMEOUT_SECONDS: '3000000' });
    try {
      const response = await viewer.app.request('/api/sources/demo/conversations/conv_demo_alice_bob/items');
      expect(response.status).toBe(200);
    } finally {
      await viewer.close();
    }
  });
});
