import { act, render, screen } from '@testing-library/react';
import { useLayoutEffect, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepingPagePlace, useStickyToolbar } from './use-sticky-toolbar';

function Toolbar() {
  const { ref, stuck } = useStickyToolbar();
  return <div ref={ref} data-testid="toolbar" data-stuck={stuck} />;
}

/** The page's height as the browser would lay it out; restored after each test. */
function pageHeight(height: () => number) {
  Object.defineProperty(document.documentElement, 'scrollHeight', { configurable: true, get: height });
}

afterEach(() => {
  vi.unstubAllGlobals();
  delete (document.documentElement as { scrollHeight?: number }).scrollHeight;
});

describe('useStickyToolbar', () => {
  it('learns that the toolbar reached the top from an observer, never by reading the layout itself', () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    let report: ((entries: { isIntersecting: boolean; boundingClientRect: { top: number } }[]) => void) | undefined;
    let options: IntersectionObserverInit | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof report, init?: IntersectionObserverInit) {
          report = callback;
          options = init;
        }
        observe() {}
        disconnect() {}
      },
    );
    const measure = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
    const { getByTestId } = render(<Toolbar />);
    expect(getByTestId('toolbar')).toHaveAttribute('data-stuck', 'false');
    vi.stubGlobal('scrollY', 900);
    // The observer's root is the screen's top edge: the toolbar touches it only while stuck there, wherever it started.
    expect(options).toMatchObject({ rootMargin: '0px 0px -100% 0px', threshold: 0 });
    act(() => report?.([{ isIntersecting: true, boundingClientRect: { top: 0 } }]));
    expect(getByTestId('toolbar')).toHaveAttribute('data-stuck', 'true');
    act(() => report?.([{ isIntersecting: false, boundingClientRect: { top: 240 } }]));
    expect(getByTestId('toolbar')).toHaveAttribute('data-stuck', 'false');
    // Several changes at once: the newest tells.
    act(() => report?.([{ isIntersecting: false, boundingClientRect: { top: 240 } }, { isIntersecting: true, boundingClientRect: { top: 0 } }]));
    expect(getByTestId('toolbar')).toHaveAttribute('data-stuck', 'true');
    expect(measure).not.toHaveBeenCalled();
  });

  it('opens and closes a panel of the toolbar without moving the page, whatever the browser anchors to', () => {
    pageHeight(() => 10_000);
    vi.stubGlobal('scrollY', 3000);
    const scrollTo = vi.fn<(options: ScrollToOptions) => void>((options) => {
      vi.stubGlobal('scrollY', options.top);
    });
    vi.stubGlobal('scrollTo', scrollTo);
    /** The browser's scroll anchoring, on the layout that puts the panel in: it moves the page by the panel's height. */
    function Panel() {
      useLayoutEffect(() => {
        vi.stubGlobal('scrollY', window.scrollY + 142);
        return () => {
          vi.stubGlobal('scrollY', window.scrollY - 100);
        };
      }, []);
      return <p>Panel</p>;
    }
    function Bar() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => keepingPagePlace(() => setOpen((was) => !was))}>
            {open ? 'Done' : 'View'}
          </button>
          {open ? <Panel /> : null}
        </>
      );
    }
    render(<Bar />);
    screen.getByRole('button', { name: 'View' }).click();
    // In place at once, with the panel in the page: the reader never sees a frame where the page moved.
    expect(screen.getByText('Panel')).toBeInTheDocument();
    expect(window.scrollY).toBe(3000);
    screen.getByRole('button', { name: 'Done' }).click();
    expect(screen.queryByText('Panel')).toBeNull();
    expect(window.scrollY).toBe(3000);
    expect(scrollTo).toHaveBeenCalledTimes(2);
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 3000, behavior: 'instant' });
  });

  it("keeps a reader at the page's end at its end, as the panel makes the page taller", () => {
    let open = false;
    pageHeight(() => (open ? 5142 : 5000));
    vi.stubGlobal('innerHeight', 800);
    vi.stubGlobal('scrollY', 4200);
    const scrollTo = vi.fn<(options: ScrollToOptions) => void>((options) => {
      vi.stubGlobal('scrollY', options.top);
    });
    vi.stubGlobal('scrollTo', scrollTo);
    keepingPagePlace(() => {
      open = true;
    });
    // The last rows stay on screen (a live run's newest items, followed), not pushed below it by the panel.
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 4342, behavior: 'instant' });
    keepingPagePlace(() => {
      open = false;
    });
    expect(window.scrollY).toBe(4200);
  });
});

