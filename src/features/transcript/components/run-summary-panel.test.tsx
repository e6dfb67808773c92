import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { emptyCounts } from '../../../shared/items/item-counts';
import { RunSummary } from '../data/run-summary';
import type { TokenState } from '../data/use-run-summary';
import { RunSummaryPanel } from './run-summary-panel';
import { LeftOutContext, snapshotLeftOut } from '../lib/left-out';
import type { ShareManifest } from '../../../shared/snapshots/share-filter';

/** A run with `n` tools, the first called most: tool_01 n times, tool_02 n - 1 times, and so on. */
function countsWithTools(n: number) {
  const counts = emptyCounts();
  for (let at = 1; at <= n; at += 1) {
    const calls = n + 1 - at;
    counts.byName.tools.set(`tool_${String(at).padStart(2, '0')}`, calls);
    counts.byKind.tools += calls;
  }
  return counts;
}

const tokens = { counts: { total: 0 }, revision: 0, done: false, failed: null } as unknown as TokenState;

function Panel({ tools, initialTool = null }: { tools: number; initialTool?: string | null }) {
  const [onlyTool, setOnlyTool] = useState(initialTool);
  return (
    <RunSummaryPanel
      view={{ summary: new RunSummary(), title: null, failureRows: [], turnRows: [] }}
      counts={countsWithTools(tools)}
      tokens={tokens}
      onJump={() => {}}
      failuresOnly={false}
      onFailuresOnly={() => {}}
      onlyTool={onlyTool}
      onOnlyTool={setOnlyTool}
    />
  );
}

const toolButtons = () => screen.getAllByRole('button', { name: /^tool_\d+ \d+$/ }).map((button) => button.textContent);

describe('the run summary’s tools', () => {
  it('lists every tool of a run with a dozen or fewer, with no "other tools"', () => {
    render(<Panel tools={12} />);
    expect(toolButtons()).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /other tool|fewer tools/ })).toBeNull();
  });

  it('lists the busiest twelve, and every other tool a click away', async () => {
    render(<Panel tools={15} />);
    expect(toolButtons()).toEqual(Array.from({ length: 12 }, (_, at) => `tool_${String(at + 1).padStart(2, '0')} ${15 - at}`));
    const more = screen.getByRole('button', { name: 'and 3 other tools' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(more);
    expect(toolButtons()).toHaveLength(15);
    await userEvent.click(screen.getByRole('button', { name: 'tool_15 1' }));
    expect(screen.getByRole('button', { name: 'tool_15 1' })).toHaveAttribute('aria-pressed', 'true');
    // Folded again, the chosen tool keeps its pressed button, after the twelve.
    await userEvent.click(screen.getByRole('button', { name: 'fewer tools' }));
    expect(toolButtons()).toHaveLength(13);
    expect(toolButtons().at(-1)).toBe('tool_15 1');
    expect(screen.getByRole('button', { name: 'and 2 other tools' })).toBeInTheDocument();
  });

  it('on a phone lists the busiest five, so the first message is not a screen away', () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(width < 40rem)', addEventListener: () => {}, removeEventListener: () => {} }));
    render(<Panel tools={15} />);
    expect(toolButtons()).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'and 10 other tools' })).toBeInTheDocument();
  });

  it('shows a chosen tool that is not among the busiest twelve as pressed, as a link to it opens', () => {
    render(<Panel tools={20} initialTool="tool_18" />);
    expect(screen.getByRole('button', { name: 'tool_18 3' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'and 7 other tools' })).toBeInTheDocument();
  });
});

describe('the run summary of a snapshot', () => {
  it('says the reasoning items it counts had their content left out, when the snapshot left reasoning out', () => {
    const counts = emptyCounts();
    counts.byKind.reasoning = 4;
    counts.byName.reasoning.set('Reasoning', 4);
    const manifest = (content: ShareManifest['rules']['content']): ShareManifest => ({
      left_out: { items: 0, tool_outputs: 0, reasoning: content.length ? 4 : 0, images: 0, encrypted: 0 },
      replaced: {},
      rules: { roles: [], types: [], item_ids: 0, content, kinds: [], terms: 0 },
      original: { items: 4, messages: 0, tool_calls: 0, reasoning: 4, failures: 0 },
    });
    const panel = (content: ShareManifest['rules']['content']) => (
      <LeftOutContext.Provider value={snapshotLeftOut(manifest(content))}>
        <RunSummaryPanel view={{ summary: new RunSummary(), title: null, failureRows: [], turnRows: [] }} counts={counts} tokens={tokens} onJump={() => {}} failuresOnly={false} onFailuresOnly={() => {}} onlyTool={null} onOnlyTool={() => {}} />
      </LeftOutContext.Provider>
    );
    const { rerender } = render(panel(['reasoning']));
    expect(screen.getByTestId('summary-reasoning')).toHaveTextContent('4, their content left out of this snapshot');
    counts.byKind.reasoning = 5;
    counts.byName.reasoning.set('Compaction', 1);
    rerender(panel(['reasoning']));
    expect(screen.getByTestId('summary-reasoning')).toHaveTextContent('5 (4 Reasoning, 1 Compaction), the content of 4 left out of this snapshot');
    rerender(panel([]));
    expect(screen.getByTestId('summary-reasoning')).toHaveTextContent(/^5 \(4 Reasoning, 1 Compaction\)$/);
  });
});

describe('the run summary’s failures', () => {
  it('steps back from before the first failure to the last, and on from there', async () => {
    const jumps: number[] = [];
    render(
      <RunSummaryPanel
        view={{ summary: new RunSummary(), title: null, failureRows: [4, 9, 17], turnRows: [] }}
        counts={emptyCounts()}
        tokens={tokens}
        onJump={(row) => jumps.push(row)}
        failuresOnly={false}
        onFailuresOnly={() => {}}
        onlyTool={null}
        onOnlyTool={() => {}}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Previous failure' }));
    expect(screen.getByText('3 of 3')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Previous failure' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next failure' }));
    await userEvent.click(screen.getByRole('button', { name: 'Next failure' }));
    expect(jumps).toEqual([17, 9, 17, 4]);
  });
});

describe('direction controls in the run summary', () => {
  it("show as code points in a tool's name and a role, as in the rows", () => {
    const counts = emptyCounts();
    counts.byName.tools.set('report\u202Etxt.exe', 2);
    counts.byKind.tools = 2;
    counts.byName.messages.set('us\u2067er', 1);
    counts.byKind.messages = 1;
    render(
      <RunSummaryPanel
        view={{ summary: new RunSummary(), title: null, failureRows: [], turnRows: [] }}
        counts={counts}
        tokens={tokens}
        onJump={() => {}}
        failuresOnly={false}
        onFailuresOnly={() => {}}
        onlyTool={null}
        onOnlyTool={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'report[U+202E]txt.exe 2' })).toBeInTheDocument();
    expect(screen.getByTestId('summary-messages')).toHaveTextContent('1 (1 us[U+2067]er)');
    expect(screen.getByTestId('run-summary').textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
