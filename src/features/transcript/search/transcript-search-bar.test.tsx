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

  it('says nothing matches only once the search has answered: until then it is searching, or keeps the last count', () => {
    const { rerender } = render(<TranscriptSearchBar {...props} query="orc" matchCount={0} pending />);
    expect(screen.getByTestId('match-count')).toHaveTextContent('Searching…');
    rerender(<TranscriptSearchBar {...props} query="orc" matchCount={2} currentOrdinal={1} />);
    expect(screen.getByTestId('match-count')).toHaveTextContent('1 of 2');
    // A key typed: the new query's answer has not come yet.
    rerender(<TranscriptSearchBar {...props} query="orch" matchCount={0} pending />);
    expect(screen.getByTestId('match-count')).toHaveTextContent('1 of 2');
    rerender(<TranscriptSearchBar {...props} query="orch" matchCount={0} />);
    expect(screen.getByTestId('match-count')).toHaveTextContent('No matches');
    // A search started over after the box was cleared does not show the last one's count.
    rerender(<TranscriptSearchBar {...props} query="" matchCount={0} />);
    rerender(<TranscriptSearchBar {...props} query="lily" matchCount={0} pending />);
    expect(screen.getByTestId('match-count')).toHaveTextContent('Searching…');
  });
});
