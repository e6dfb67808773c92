import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiErrorPanel } from '../components/error-panel';
import { ApiError } from './api-error';
import { describeError } from './use-error-description';

const notFound = new ApiError('Conversation not found.', { status: 404, code: 'conversation_not_found' });

describe('a failure described once its describer has come', () => {
  it('shows the panel with the specific title and hint, and no Retry for a final error', async () => {
    render(<ApiErrorPanel error={notFound} describe={(describer, error) => describer.describeApiError(error, { conversationId: 'conv_1' })} onRetry={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/conv_1/);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('shows nothing for no error', () => {
    const { container } = render(<ApiErrorPanel error={null} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('is said the same outside React, reworded as asked', async () => {
    const said = await describeError(notFound, (describer, error) => describer.retryingError(describer.describeApiError(error), 3));
    expect(said.hint).toMatch(/Retrying automatically \(attempt 3\)…$/);
  });
});
