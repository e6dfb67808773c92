import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useScrollMargin } from './use-scroll-margin';

/** A ResizeObserver the test delivers by hand, as the browser does after a frame's layout. */
class HeldResizeObserver {
  static all: HeldResizeObserver[] = [];
  observed: Element[] = [];
  disconnected = false;
  constructor(readonly callback: ResizeObserverCallback) {
    HeldResizeObserver.all.push(this);
  }
  observe(target: Element) {
    this.observed.push(target);
  }
  unobserve() {}
  disconnect() {
    this.disconnected = true;
  }
  deliver() {
    this.callback([], this as unknown as ResizeObserver);
  }
}

function List() {
  const ref = useRef<HTMLDivElement>(null);
  const margin = useScrollMargin(ref);
  return (
    <div ref={ref} data-testid="list">
      {margin === null ? 'not laid out yet' : `margin ${margin}`}
    </div>
  );
}

afterEach(() => {
  HeldResizeObserver.all = [];
  vi.unstubAllGlobals();
});

describe('useScrollMargin', () => {
  it('reads the list’s place only once the page is laid out, never in the commit that mounts it', () => {
    vi.stubGlobal('ResizeObserver', HeldResizeObserver);
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ top: 120 } as DOMRect);
    const { unmount } = render(<List />);
    // Reading a position in the commit would lay out the whole new page inside the task that rendered it.
    expect(rect).not.toHaveBeenCalled();
    expect(screen.getByTestId('list')).toHaveTextContent('not laid out yet');

    const [observer] = HeldResizeObserver.all;
    expect(observer.observed).toEqual([document.body]);
    act(() => observer.deliver());
    expect(rect).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('list')).toHaveTextContent('margin 120');

    // Whatever above the list changes size moves it: the next delivery reads it again, with the page's scroll.
    rect.mockReturnValue({ top: -80 } as DOMRect);
    window.scrollY = 300;
    act(() => observer.deliver());
    expect(screen.getByTestId('list')).toHaveTextContent('margin 220');
    window.scrollY = 0;

    unmount();
    expect(observer.disconnected).toBe(true);
  });
});
