import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { announce, Announcer } from './announcer';

afterEach(() => {
  vi.useRealTimers();
});

describe('Announcer', () => {
  it('keeps a problem on screen while a routine announcement is read out, until the reader dismisses it', () => {
    vi.useFakeTimers();
    render(<Announcer />);
    act(() => announce('Nothing was downloaded. The file is too large.', { problem: true }));
    expect(screen.getByTestId('toast')).toHaveTextContent('Nothing was downloaded. The file is too large.');
    act(() => announce('Loading…'));
    // Read out, and the problem still there to read.
    expect(screen.getByTestId('announcer')).toHaveTextContent('Loading…');
    expect(screen.getByTestId('toast')).toHaveTextContent('Nothing was downloaded. The file is too large.');
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByTestId('announcer')).toHaveTextContent('');
    expect(screen.getByTestId('toast')).toHaveTextContent('Nothing was downloaded');
    act(() => screen.getByRole('button', { name: 'Dismiss' }).click());
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('replaces a problem with the next toast, and a short toast goes by itself', () => {
    vi.useFakeTimers();
    render(<Announcer />);
    act(() => announce('Nothing was downloaded.', { problem: true }));
    act(() => announce('Copied', { visible: true }));
    expect(screen.getByTestId('toast')).toHaveTextContent('Copied');
    expect(screen.getByTestId('announcer')).toHaveTextContent('Copied');
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.queryByTestId('toast')).toBeNull();
    expect(screen.getByTestId('announcer')).toHaveTextContent('');
  });

  it('reads a problem out until it is dismissed', () => {
    vi.useFakeTimers();
    render(<Announcer />);
    act(() => announce('Nothing was downloaded.', { problem: true }));
    act(() => vi.advanceTimersByTime(10_000));
    expect(screen.getByTestId('announcer')).toHaveTextContent('Nothing was downloaded.');
    act(() => screen.getByRole('button', { name: 'Dismiss' }).click());
    expect(screen.getByTestId('announcer')).toHaveTextContent('');
  });

  it("keeps an action's toast for its moment though a quiet announcement follows it", () => {
    vi.useFakeTimers();
    render(<Announcer />);
    act(() => announce('Copied a link to this item', { visible: true }));
    act(() => vi.advanceTimersByTime(1000));
    act(() => announce('All items loaded.'));
    expect(screen.getByTestId('toast')).toHaveTextContent('Copied a link to this item');
    expect(screen.getByTestId('announcer')).toHaveTextContent('All items loaded.');
    // Gone 2.5 s after it came, while what follows it is still said.
    act(() => vi.advanceTimersByTime(1600));
    expect(screen.queryByTestId('toast')).toBeNull();
    expect(screen.getByTestId('announcer')).toHaveTextContent('All items loaded.');
    act(() => vi.advanceTimersByTime(1000));
    expect(screen.getByTestId('announcer')).toHaveTextContent('');
  });
});

