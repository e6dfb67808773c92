import { describe, expect, it } from 'vitest';
import { exportPath } from './export-path';

const conversation = { id: 'conv_1' };

describe('exportPath', () => {
  it('asks the server for a conversation the page has not loaded in full, and formats one it holds here', () => {
    const origin = { kind: 'api', source: 'demo', conversationId: 'conv_1' } as const;
    expect(exportPath(origin, 'html', false)).toBe('/api/sources/demo/conversations/conv_1/export?format=html');
    expect(exportPath(origin, 'html', true)).toBeNull();
  });

  it('always asks the server for a snapshot, which adds its banner facts', () => {
    const origin = { kind: 'snapshot', snapshotId: 'snap_1', conversationId: 'conv_1', conversation } as const;
    expect(exportPath(origin, 'otlp', true)).toBe('/api/snapshots/snap_1/export?format=otlp');
  });

  it('never asks the server for a local file, which was never uploaded', () => {
    const items = { pages: [], complete: true, version: 0, subscribe: () => () => undefined };
    expect(exportPath({ kind: 'file', name: 'run.json', conversationId: 'conv_1', conversation, items }, 'markdown', true)).toBeNull();
  });
});
