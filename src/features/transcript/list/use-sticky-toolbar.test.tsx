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
    let report: ((entries: { boundingClientRect: { top: number } }[]) => void) | undefined;
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: typeof report) {
          report = callback;
        }
        observe() {}
        disconnect() {}
      },
    );
    const measure = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
    const { getByTestId } = render(<Toolbar />);
    expect(getByTestId('toolbar')).toHaveAttribute('data-stuck', 'false');
    vi.stubGlobal('scrollY', 900);
    act(() => report?.([{ boundingClientRect: { top: 0 } }]));
    expect(getByTestId('toolbar')).toHaveAttribute('data-stuck', 'true');
    act(() => report?.([{ boundingClientRect: { top: 240 } }]));
    expect(getByTestId('toolbar')).toHaveAttribute('data-stuck', 'false');
    expect(measure).not.toHaveBeenCalled();
  });
});
