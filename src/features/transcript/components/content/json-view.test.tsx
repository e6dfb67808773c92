import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CurrentMatchContext, SearchQueryContext } from '../../search/search-query-context';
import { JsonView } from './json-view';

const schema = { type: 'object', properties: { owner: { type: 'string', description: 'The owner' } }, required: ['owner', 'repo', 'pull_number'] };

function renderSchema(needle: string, current: boolean) {
  return render(
    <SearchQueryContext value={needle}>
      <CurrentMatchContext value={current}>
        <JsonView value={schema} openDepth={0} label="Schema" />
      </CurrentMatchContext>
    </SearchQueryContext>,
  );
}

describe('JsonView and the search', () => {
  it('opens the folded parts that hold the current match, and only those', () => {
    renderSchema('pull_number', true);
    expect(screen.getByLabelText('Schema').textContent).toContain('"pull_number"');
    // The part beside it, without the match, stays folded.
    expect(screen.getByText(/"properties"/).closest('details')?.open).toBe(false);
  });

  it('leaves a match in another row folded', () => {
    renderSchema('pull_number', false);
    expect(screen.getByLabelText('Schema').textContent).not.toContain('pull_number');
  });

  it('lets the reader fold an opened part again', () => {
    renderSchema('pull_number', true);
    const root = screen.getByLabelText('Schema').querySelector('details')!;
    root.open = false;
    fireEvent(root, new Event('toggle'));
    expect(screen.getByLabelText('Schema').textContent).not.toContain('pull_number');
  });
});
