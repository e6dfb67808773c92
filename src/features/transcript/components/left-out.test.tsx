import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import agentRun from '../../../server/demo/conversations/agent-run.json' with { type: 'json' };
import { ShareFilter } from '../../../shared/snapshots/share-filter';
import { renderItems } from '../../../test/render-items';
import { ManifestContext } from '../lib/left-out';
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
    const wrapper = ({ children }: { children: ReactNode }) => <ManifestContext.Provider value={manifest}>{children}</ManifestContext.Provider>;
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
