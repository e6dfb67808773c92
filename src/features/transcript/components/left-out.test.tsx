import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import agentRun from '../../../server/demo/conversations/agent-run.json' with { type: 'json' };
import { ShareFilter } from '../../../shared/snapshots/share-filter';
import { renderItems } from '../../../test/render-items';
import { LeftOutContext, snapshotLeftOut } from '../lib/left-out';
import type { ConversationItem } from '../types';

const ALL = ['tool_outputs', 'reasoning', 'images', 'encrypted'] as const;

function shared() {
  const filter = new ShareFilter({ exclude: { content: [...ALL] } });
  const items = (structuredClone(agentRun.items) as ConversationItem[]).map((item) => filter.item(item)).filter((item) => item !== null) as ConversationItem[];
  return { items, manifest: filter.manifest() };
}

describe('a snapshot page that left content out', () => {
  it('shows none of it, and says where it was left out instead of "not loaded"', () => {
    const { items, manifest } = shared();
    const wrapper = ({ children }: { children: ReactNode }) => <LeftOutContext.Provider value={snapshotLeftOut(manifest)}>{children}</LeftOutContext.Provider>;
    const { container } = renderItems(items, null, wrapper);
    const text = container.textContent ?? '';
    const mcp = agentRun.items.find((item) => item.type === 'mcp_call' && typeof (item as { output?: unknown }).output === 'string') as { output: string };
    expect(text).not.toContain(mcp.output.slice(0, 30));
    const logs = agentRun.items.find((item) => item.type === 'code_interpreter_call') as { outputs: { logs?: string }[] };
    expect(text).not.toContain(logs.outputs.find((output) => output.logs)!.logs!.slice(0, 30));
    expect(text).not.toMatch(/not loaded|No output loaded|No results included|No reasoning summary|No image yet/);
    expect(container.querySelectorAll('[data-left-out]').length).toBeGreaterThan(15);
    expect(text).toContain('Output left out of this snapshot.');
    expect(text).toContain('Reasoning left out of this snapshot.');
    expect(text).toContain('Image left out of this snapshot.');
    expect(text).toContain('Encrypted content left out of this snapshot.');
  });
});

describe('images a snapshot left out', () => {
  it('says so for images the provider stores by ID, and shows none of their IDs', () => {
    const filter = new ShareFilter({ exclude: { content: ['images'] } });
    const raw = [
      { id: 'msg_1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'This screen' }, { type: 'input_image', file_id: 'file-private-1', detail: 'auto' }] },
      { id: 'cc_1', type: 'computer_call', call_id: 'call_1', status: 'completed', action: { type: 'screenshot' }, pending_safety_checks: [] },
      { id: 'cco_1', type: 'computer_call_output', call_id: 'call_1', status: 'completed', output: { type: 'computer_screenshot', file_id: 'file-private-2' } },
    ];
    const items = raw.map((item) => filter.item(structuredClone(item) as ConversationItem)).filter((item) => item !== null) as ConversationItem[];
    const manifest = filter.manifest();
    const wrapper = ({ children }: { children: ReactNode }) => <LeftOutContext.Provider value={snapshotLeftOut(manifest)}>{children}</LeftOutContext.Provider>;
    const { container } = renderItems(items, null, wrapper);
    const text = container.textContent ?? '';
    expect(text).not.toContain('file-private');
    expect(text).toContain('Image left out of this snapshot.');
    expect(text).toContain('Screenshot left out of this snapshot.');
    expect(manifest.left_out.images).toBe(2);
  });
});
