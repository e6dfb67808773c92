import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TranscriptSearchBar } from './transcript-search-bar';

const counts = { messages: 3, tools: 2, reasoning: 0, other: 0 };
const props = { counts, hidden: new Set<never>(), onToggleKind: () => {}, onQuery: () => {}, currentOrdinal: 0, pending: false, onStep: () => {}, inputRef: null, more: { id: 'more', open: false, onToggle: () => {} } };

describe('TranscriptSearchBar', () => {
  it('counts the matches of a query', () => {
    render(<TranscriptSearchBar {...props} query="orchid" matchCount={3} />);
    expect(screen.getByTestId('match-count')).toHaveTextContent('3 matches');
  });

  it('says search is unavailable, and why on hover, rather than that nothing matches', () => {
    render(<TranscriptSearchBar {...props} query="orchid" matchCount={0} unavailable="Failed to fetch dynamically imported module" />);
    expect(screen.getByTestId('match-count')).toHaveTextContent('Search unavailable: reload the page');
    expect(screen.getByTitle('Failed to fetch dynamically imported module')).toBeInTheDocument();
  });
});
