import { describe, expect, it } from 'vitest';
import { newViewerRequestId } from './request-id.ts';

describe("the viewer's own request ids", () => {
  it('have the shape the SDKs pass on, and never repeat', () => {
    const ids = Array.from({ length: 10_000 }, newViewerRequestId);
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^vreq_[0-9a-f]{32}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
