import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiErrorPanel } from '../components/error-panel';
import { ApiError } from './api-error';

// The describer's chunk does not load (the page went offline, or a deployment replaced it).
vi.mock('./describe-api-error', () => {
  throw new Error('Failed to fetch dynamically imported module: /assets/describe-api-error.js');
});

describe('a failure whose describer cannot be fetched', () => {
  it('is still said, with the server’s words kept, and a Retry', async () => {
    render(<ApiErrorPanel error={new ApiError('upstream failed', { status: 502, code: 'upstream_error' })} onRetry={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Something went wrong');
    expect(alert).toHaveTextContent('upstream failed');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible();
  });
});
