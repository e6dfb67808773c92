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
    // Without the Scheduler API, the first reading renders at once, in the frame that delivered it.
    const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
    scope.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      observer.deliver();
      expect(screen.getByTestId('list')).toHaveTextContent('margin 120');
    } finally {
      scope.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
    expect(rect).toHaveBeenCalledTimes(1);

    // Whatever above the list changes size moves it: the next delivery reads it again, with the page's scroll.
    rect.mockReturnValue({ top: -80 } as DOMRect);
    window.scrollY = 300;
    try {
      act(() => observer.deliver());
      expect(screen.getByTestId('list')).toHaveTextContent('margin 220');
    } finally {
      window.scrollY = 0;
    }

    unmount();
    expect(observer.disconnected).toBe(true);
  });

  it('renders the first reading in a task ahead of the page’s others, where the browser can post one', () => {
    vi.stubGlobal('ResizeObserver', HeldResizeObserver);
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({ top: 64 } as DOMRect);
    const posted: { run: () => void; priority: string }[] = [];
    vi.stubGlobal('scheduler', { postTask: (run: () => void, { priority }: { priority: string }) => (posted.push({ run, priority }), Promise.resolve()) });
    render(<List />);
    const [observer] = HeldResizeObserver.all;
    // Not in the frame that measured it (that frame also lays the page out), and not queued behind the page's work.
    act(() => observer.deliver());
    expect(screen.getByTestId('list')).toHaveTextContent('not laid out yet');
    expect(posted.map((task) => task.priority)).toEqual(['user-blocking']);
    const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    const actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
    scope.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      posted[0].run();
      // Rendered within that task, not handed to React's own queue.
      expect(screen.getByTestId('list')).toHaveTextContent('margin 64');
    } finally {
      scope.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
    }
  });
});
