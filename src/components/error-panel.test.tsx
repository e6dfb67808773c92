import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error';
import { describeApiError } from '../lib/describe-api-error';
import { ErrorPanel } from './error-panel';

const rateLimited = (seconds: number) => describeApiError(new ApiError('Rate limit reached', { status: 429, retryAfterSeconds: seconds }), { sourceLabel: 'OpenAI' });

describe('ErrorPanel', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts a rate limit’s wait down under its hint, and keeps Retry at hand', () => {
    const retry = vi.fn<() => void>();
    const { rerender } = render(<ErrorPanel description={rateLimited(3)} onRetry={retry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('OpenAI asks to wait 3 seconds before retrying.');
    expect(screen.getByTestId('wait-left')).toHaveTextContent('3 s left to wait.');
    act(() => void vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('wait-left')).toHaveTextContent('2 s left to wait.');
    act(() => void vi.advanceTimersByTime(2000));
    expect(screen.queryByTestId('wait-left')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(retry).toHaveBeenCalledOnce();
    // The retry failed the same way: the wait starts again.
    rerender(<ErrorPanel description={rateLimited(3)} onRetry={retry} retrying />);
    expect(screen.getByRole('button')).toHaveTextContent('Retrying…');
    rerender(<ErrorPanel description={rateLimited(3)} onRetry={retry} />);
    expect(screen.getByTestId('wait-left')).toHaveTextContent('3 s left to wait.');
  });

  it('offers Retry at once when the server named no wait', () => {
    render(<ErrorPanel description={describeApiError(new ApiError('busy', { status: 503 }))} onRetry={() => undefined} />);
    expect(screen.getByRole('button')).toHaveTextContent(/^Retry$/);
    expect(screen.getByRole('button')).toBeEnabled();
  });
});
