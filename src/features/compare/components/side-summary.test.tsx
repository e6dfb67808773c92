import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SideSummary, type SideStats } from './side-summary';

const stats: SideStats = { items: 1200, toolCalls: 40, failures: 2, tokens: 98_765, tokensDone: true };

describe('SideSummary', () => {
  it('shows the token estimate once counted, and an ellipsis while counting', () => {
    const { rerender } = render(<SideSummary side="a" name="conv_a" sourceLabel="Demo" title="A run" stats={stats} />);
    expect(screen.getByTestId('tokens-a').textContent).toBe('≈98,765');
    rerender(<SideSummary side="a" name="conv_a" sourceLabel="Demo" title="A run" stats={{ ...stats, tokensDone: false }} />);
    expect(screen.getByTestId('tokens-a').textContent).toBe('…');
  });

  it('says there is no estimate, and why, when the tokenizer could not be loaded', () => {
    render(<SideSummary side="b" name="conv_b" sourceLabel="Demo" title={null} stats={{ ...stats, tokensDone: false, tokensFailed: 'Failed to fetch' }} />);
    const tokens = screen.getByTestId('tokens-b');
    expect(tokens.textContent).toBe('n/a');
    expect(tokens.getAttribute('title')).toBe('No estimate: the tokenizer could not be loaded (Failed to fetch). Reload the page to try again.');
  });

  it('says a run that could not be read could not, instead of loading for ever', () => {
    render(<SideSummary side="b" name="conv_nope" sourceLabel="Demo" title={null} stats={null} loading={0} failed />);
    expect(screen.getByTestId('summary-b').textContent).toContain('Could not be read');
    expect(screen.getByTestId('summary-b').textContent).not.toContain('Loading');
  });
});
