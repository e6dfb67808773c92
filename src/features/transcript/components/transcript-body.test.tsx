import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import type { TranscriptLoad } from '../data/use-transcript';
import type { TranscriptStatus } from '../data/transcript-status';
import { TranscriptBody } from './transcript-body';

const load = (changes: Partial<TranscriptLoad> = {}): TranscriptLoad => ({ state: 'complete', error: null, retrying: false, stop: () => {}, resume: () => {}, ...changes });

function body(status: TranscriptStatus, transcriptLoad = load(), loaded = { count: 0, complete: true, shown: true }) {
  return render(
    <TranscriptBody
      status={status}
      load={transcriptLoad}
      loaded={loaded}
      errorContext={{ conversationId: 'conv_123', sourceLabel: 'Model Studio' }}
      otherSources={[{ id: 'openai', label: 'OpenAI' }]}
      list={<ol aria-label="Items" />}
    />,
  );
}

describe('TranscriptBody', () => {
  it('shows the list while items come, and says so when a conversation has none', () => {
    body({ kind: 'data' }, load({ state: 'loading' }), { count: 0, complete: false, shown: true });
    expect(screen.getByRole('list', { name: 'Items' })).toBeInTheDocument();
    body({ kind: 'data' });
    expect(screen.getByText('This conversation has no items.')).toBeVisible();
  });

  it('says what failed and offers a retry', async () => {
    const resume = vi.fn<() => void>();
    const error = new ApiError('upstream failed', { status: 502, code: 'upstream_error' });
    body({ kind: 'error', error }, load({ state: 'failed', error, resume }), { count: 0, complete: false, shown: false });
    expect(screen.queryByRole('list', { name: 'Items' })).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: /retry/i }));
    expect(resume).toHaveBeenCalled();
  });

  it('offers the other sources when this one has no key', async () => {
    const error = new ApiError('No API key is configured for this source.', { status: 503, code: 'source_not_configured' });
    body({ kind: 'error', error }, load({ state: 'failed', error }), { count: 0, complete: false, shown: false });
    expect(await screen.findByRole('link', { name: 'OpenAI' })).toHaveAttribute('href', '?source=openai');
  });

  it('keeps the items loaded and says loading stopped partway, with how many came', async () => {
    const error = new ApiError('upstream failed', { status: 502, code: 'upstream_error' });
    body({ kind: 'data' }, load({ state: 'failed', error }), { count: 250, complete: false, shown: true });
    expect(screen.getByRole('list', { name: 'Items' })).toBeInTheDocument();
    await waitFor(() => expect(document.body).toHaveTextContent('Loading stopped after 250 items:'));
  });

  it('says it is retrying, with the attempt', async () => {
    body({ kind: 'retrying', error: new ApiError('busy', { status: 429, code: 'rate_limit_exceeded' }), attempt: 2 }, load({ state: 'loading' }), { count: 0, complete: false, shown: false });
    await waitFor(() => expect(document.body).toHaveTextContent('Retrying automatically (attempt 2)…'));
  });
});
