import { describe, expect, it } from 'vitest';
import { ArrivingItems } from '../../open-file/lib/arriving-items';
import { exportPath, itemsToExport } from './export-path';

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

describe('itemsToExport', () => {
  const item = (id: string) => ({ id, type: 'message', role: 'user', content: id });
  const index = (items: ReturnType<typeof item>[], removed: string[] = []) => ({ orderedItems: () => items, isRemoved: (id: unknown) => removed.includes(id as string) });

  it("waits for a file still being read, then gives all of it, not the part read so far", async () => {
    const arriving = new ArrivingItems();
    arriving.add([item('a'), item('b')]);
    const origin = { kind: 'file', name: 'run.json', conversationId: 'conv_1', conversation, items: arriving } as const;
    let done = false;
    const exported = itemsToExport(origin, index([item('a')])).then((items) => ((done = true), items));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    arriving.add([item('c')]);
    arriving.finish();
    expect((await exported).map((each) => each.id)).toEqual(['a', 'b', 'c']);
  });

  it('leaves out what a live update found removed', async () => {
    const origin = { kind: 'api', source: 'demo', conversationId: 'conv_1' } as const;
    expect((await itemsToExport(origin, index([item('a'), item('b'), item('c')], ['b']))).map((each) => each.id)).toEqual(['a', 'c']);
  });
});
