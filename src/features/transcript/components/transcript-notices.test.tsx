import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { TranscriptNotices } from './transcript-notices';

const notices = (narrowed: { count: number; what: string; askedFor: number }) => (
  <TranscriptNotices anchor={{ kind: 'none' }} narrowed={narrowed} onShowEverything={() => {}} shown={narrowed.count} loaded={50} revealed={0} />
);

describe('TranscriptNotices', () => {
  it('says how many items the narrowed view shows', () => {
    render(notices({ count: 2, what: 'read_file calls', askedFor: 0 }));
    expect(screen.getByTestId('filter-summary')).toHaveTextContent('Showing only the 2 read_file calls of 50 loaded.');
  });

  it('says plainly that no item is what a link narrowed to, with the way back', () => {
    render(notices({ count: 0, what: '123 calls', askedFor: 0 }));
    expect(screen.getByTestId('filter-summary')).toHaveTextContent('None of the 50 loaded items are 123 calls.');
    expect(screen.getByRole('button', { name: 'Show everything' })).toBeVisible();
  });

  it('offers every kind again when the kind filter hides them all', async () => {
    const onShowAllKinds = vi.fn<() => void>();
    render(<TranscriptNotices anchor={{ kind: 'none' }} narrowed={null} onShowEverything={() => {}} onShowAllKinds={onShowAllKinds} shown={0} loaded={50} revealed={0} />);
    expect(screen.getByTestId('filter-summary')).toHaveTextContent('Showing 0 of 50 loaded items.');
    await userEvent.click(screen.getByRole('button', { name: 'Show every kind' }));
    expect(onShowAllKinds).toHaveBeenCalledOnce();
  });
});
