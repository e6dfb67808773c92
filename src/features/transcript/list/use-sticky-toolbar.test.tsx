import { render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useStickyToolbar } from './use-sticky-toolbar';

function Toolbar() {
  const { ref, stuck } = useStickyToolbar();
  return <div ref={ref} data-stuck={stuck} />;
}

afterEach(() => vi.unstubAllGlobals());

describe('useStickyToolbar', () => {
  it('first looks where the toolbar is after the page has painted, not while it is being built', async () => {
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    const measure = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect');
    render(<Toolbar />);
    expect(measure).not.toHaveBeenCalled();
    await waitFor(() => expect(measure).toHaveBeenCalled());
  });
});
