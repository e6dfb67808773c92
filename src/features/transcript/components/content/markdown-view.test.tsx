import { act, render, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownView } from './markdown-view';

afterEach(() => vi.unstubAllGlobals());

describe('a code block in Markdown', () => {
  // The Markdown pipeline loads lazily: on a busy machine its first import takes seconds.
  it('takes a Tab stop from its first frame when it scrolls sideways, and keeps it current as its observer reports', { timeout: 40_000 }, async () => {
    const observed: (() => void)[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(callback: () => void) {
          observed.push(callback);
        }
        observe() {}
        disconnect() {}
      },
    );
    const scrollWidth = vi.spyOn(HTMLElement.prototype, 'scrollWidth', 'get').mockReturnValue(900);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(300);
    const { container } = render(<MarkdownView text={'```\nconst wide = 1;\n```'} />);
    await waitFor(() => expect(container.querySelector('pre')).not.toBeNull(), { timeout: 25_000 });
    const pre = container.querySelector('pre');
    // Focusable at once: a page checked before any observer has reported has no scrolling region out of keyboard reach.
    expect(pre).toHaveAttribute('tabindex', '0');
    scrollWidth.mockReturnValue(300);
    act(() => observed.forEach((callback) => callback()));
    expect(pre).not.toHaveAttribute('tabindex');
  });
});
