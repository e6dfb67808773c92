import type { Virtualizer } from '@tanstack/react-virtual';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attachWithoutLayout } from './attach-without-layout';

type ScrollToFn = Parameters<typeof attachWithoutLayout>[0] & {};

const instance = {} as Virtualizer<Window, Element>;
const attachWrite = { adjustments: undefined, behavior: undefined };

describe('attachWithoutLayout', () => {
  let frames: FrameRequestCallback[];
  let scrollY: number;
  let scrollEvents: number;
  beforeEach(() => {
    frames = [];
    scrollY = 0;
    scrollEvents = 0;
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => void (frames[id - 1] = () => undefined));
    vi.stubGlobal('window', {
      get scrollY() {
        return scrollY;
      },
      dispatchEvent: (event: Event) => event.type === 'scroll' && (scrollEvents += 1),
    });
  });
  afterEach(() => vi.unstubAllGlobals());
  const nextFrame = () => frames.splice(0).forEach((callback) => callback(0));

  it('starts from the top and neither reads nor writes the page’s scroll in the commit that mounts the list', () => {
    const scroll = vi.fn<ScrollToFn>();
    const read = vi.spyOn(window, 'scrollY', 'get');
    const { initialOffset, scrollToFn } = attachWithoutLayout(scroll);
    expect(initialOffset).toBe(0);
    scrollToFn(0, attachWrite, instance);
    // Either lays the page out first: in that commit, the whole new page.
    expect(read).not.toHaveBeenCalled();
    expect(scroll).not.toHaveBeenCalled();
    nextFrame();
    expect(scroll).not.toHaveBeenCalled();
    expect(scrollEvents).toBe(0);

    // Every later write goes at once: a jump, a measurement that moves the rows above the reader.
    scrollToFn(500, { adjustments: 40, behavior: undefined }, instance);
    scrollToFn(900, attachWrite, instance);
    expect(scroll.mock.calls).toEqual([
      [500, { adjustments: 40, behavior: undefined }, instance],
      [900, attachWrite, instance],
    ]);
  });

  it('has the virtualiser read where a page scrolled before the list came is, on the next frame, as a scroll would', () => {
    const { scrollToFn } = attachWithoutLayout(vi.fn<ScrollToFn>());
    scrollToFn(0, attachWrite, instance);
    scrollY = 1_200;
    nextFrame();
    expect(scrollEvents).toBe(1);
  });

  it('leaves it to a jump that comes before that frame (a link to an item), and to nothing once the list is gone', () => {
    const scroll = vi.fn<ScrollToFn>();
    const jumped = attachWithoutLayout(scroll);
    jumped.scrollToFn(0, attachWrite, instance);
    jumped.scrollToFn(4_200, { adjustments: undefined, behavior: 'auto' }, instance);
    scrollY = 4_200;
    nextFrame();
    expect(scroll).toHaveBeenCalledExactlyOnceWith(4_200, { adjustments: undefined, behavior: 'auto' }, instance);

    const gone = attachWithoutLayout(scroll);
    gone.scrollToFn(0, attachWrite, instance);
    gone.cancel();
    scrollY = 300;
    nextFrame();
    expect(scrollEvents).toBe(0);
  });
});
