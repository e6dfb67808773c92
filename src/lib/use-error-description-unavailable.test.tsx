import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiErrorPanel } from '../components/error-panel';
import { ApiError, serverUnreachable } from './api-error';

// The describer's chunk does not load the first time (the viewer's server was gone), and loads once it is back.
const fetched = vi.hoisted(() => ({ attempts: 0 }));
vi.mock('./describe-api-error', async (importOriginal) => {
  fetched.attempts += 1;
  if (fetched.attempts === 1) throw new Error('Failed to fetch dynamically imported module: /assets/describe-api-error.js');
  return importOriginal();
});

describe('a failure whose describer cannot be fetched', () => {
  it('is still said, with the server’s words kept and a Retry, and said in full with the next failure once it can be', async () => {
    const { rerender } = render(<ApiErrorPanel error={serverUnreachable()} onRetry={() => {}} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The viewer server could not be reached');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeVisible();

    rerender(<ApiErrorPanel error={new ApiError('upstream failed', { status: 502, code: 'upstream_error' })} onRetry={() => {}} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong');
    // The next failure asks for the describer again: it came, and says what this one is.
    await vi.waitFor(() => expect(screen.getByRole('alert')).not.toHaveTextContent('Something went wrong'));
    expect(fetched.attempts).toBe(2);
    expect(screen.getByRole('alert')).toHaveTextContent('upstream failed');
  });
});
