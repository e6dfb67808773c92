import { act, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MarkdownView } from './markdown-view';

afterEach(() => vi.unstubAllGlobals());

describe('a code block in Markdown', () => {
  it('takes a Tab stop once its observer finds it scrolls sideways, without measuring while the page is built', () => {
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
    const pre = container.querySelector('pre');
    expect(pre).not.toBeNull();
    expect(scrollWidth).not.toHaveBeenCalled();
    expect(pre).not.toHaveAttribute('tabindex');
    act(() => observed.forEach((callback) => callback()));
    expect(pre).toHaveAttribute('tabindex', '0');
  });
});
