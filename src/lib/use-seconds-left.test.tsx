import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSecondsLeft } from './use-seconds-left';

describe('useSecondsLeft', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts down once a second to 0, and starts again for each new failure', () => {
    const first = new Error('429');
    const { result, rerender } = renderHook(({ seconds, since }) => useSecondsLeft(seconds, since), { initialProps: { seconds: 2 as number | null, since: first as unknown } });
    expect(result.current).toBe(2);
    act(() => void vi.advanceTimersByTime(1000));
    expect(result.current).toBe(1);
    act(() => void vi.advanceTimersByTime(1000));
    expect(result.current).toBe(0);
    // The same failure again (a re-render) does not start it over; a new one does.
    rerender({ seconds: 2, since: first });
    expect(result.current).toBe(0);
    rerender({ seconds: 2, since: new Error('429 again') });
    expect(result.current).toBe(2);
    rerender({ seconds: null, since: null });
    expect(result.current).toBe(0);
  });
});
