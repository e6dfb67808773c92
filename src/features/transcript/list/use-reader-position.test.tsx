import { act, render, renderHook } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import type { TranscriptListHandle } from './transcript-list';
import { useReaderPosition } from './use-reader-position';
import type { ViewRows } from './view-rows';

/** Ten rows newest first: view position 0 is row 9. */
const rows: ViewRows = { count: 10, folded: 0, rowAt: (viewIndex) => 9 - viewIndex, viewIndexOf: (row) => (row >= 0 && row < 10 ? 9 - row : null) };

function fakeList(state: { top: number | null; atNewest: boolean; atBottom: boolean }) {
  const list = createRef<TranscriptListHandle>() as { current: TranscriptListHandle | null };
  list.current = {
    scrollToView: () => undefined,
    topViewIndex: () => state.top,
    pendingFocusIndex: () => null,
    atNewestEnd: () => state.atNewest,
    atPageBottom: () => state.atBottom,
    scrollToNewest: () => undefined,
  };
  return list;
}

describe('useReaderPosition', () => {
  it('follows what the list reports: the row at the top, the newest end, and the last row at the page bottom', async () => {
    const state = { top: 3, atNewest: false, atBottom: false };
    const container = createRef<HTMLDivElement>();
    const { result } = renderHook(() => useReaderPosition(rows, fakeList(state), container));
    expect(result.current).toMatchObject({ topView: null, topRow: null, positionRow: null, atNewest: true });

    await act(async () => result.current.onTopChange(3));
    expect(result.current).toMatchObject({ topView: 3, topRow: 6, positionRow: 6, atNewest: false });

    state.atBottom = true;
    state.atNewest = true;
    await act(async () => result.current.onTopChange(7));
    // At the very bottom the last row is where the reader is, whatever reached the top of the screen.
    expect(result.current).toMatchObject({ topView: 7, topRow: 0, atNewest: true });
  });

  it('asks the list where the reader is now, which can be ahead of the last report', async () => {
    const state = { top: 2, atNewest: false, atBottom: false };
    const container = createRef<HTMLDivElement>();
    const { result } = renderHook(() => useReaderPosition(rows, fakeList(state), container));
    await act(async () => result.current.onTopChange(2));
    state.top = 5;
    expect(result.current.liveTopRow()).toBe(4);
    // Beyond the rows (a filter just took some away), the last report stands.
    state.top = 40;
    expect(result.current.liveTopRow()).toBe(7);
  });

  it('names the row the keyboard moved to while it is on screen, else the row at the top', async () => {
    const container = createRef<HTMLDivElement>();
    render(
      <div ref={container}>
        <li data-row="8" tabIndex={-1} />
        <li data-row="1" tabIndex={-1} />
      </div>,
    );
    const { result } = renderHook(() => useReaderPosition(rows, fakeList({ top: 0, atNewest: false, atBottom: false }), container));
    await act(async () => {
      result.current.onTopChange(0);
      result.current.onVisibleChange([0, 3]);
    });
    expect(result.current.positionRow).toBe(9);
    // Row 8 is view position 1, on screen.
    act(() => container.current!.querySelector<HTMLElement>('[data-row="8"]')!.focus());
    expect(result.current.positionRow).toBe(8);
    // Row 1 is view position 8, off screen: the position names the top row.
    act(() => container.current!.querySelector<HTMLElement>('[data-row="1"]')!.focus());
    expect(result.current.positionRow).toBe(9);
  });
});
