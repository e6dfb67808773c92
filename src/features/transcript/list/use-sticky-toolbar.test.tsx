import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStickyToolbar } from './use-sticky-toolbar';

function Toolbar() {
  const { ref, stuck } = useStickyToolbar();
  return <div ref={ref} data-testid="toolbar" data-stuck={stuck} />;
}

afterEach(() => vi.unstubAllGlobals());

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
});
