import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState } from 'react';
import { TranscriptIndex } from '../data/transcript-index';
import type { ViewRows } from '../list/view-rows';

/** How close to the newest item still counts as being there. */
const SLACK_PX = 80;

/** Where the newest item is in the view: last oldest first, first newest first. */
export function newestView(rows: ViewRows): { view: number; onTop: boolean } | null {
  if (rows.count === 0) return null;
  const onTop = rows.count > 1 && rows.rowAt(0) > rows.rowAt(rows.count - 1);
  return { view: onTop ? 0 : rows.count - 1, onTop };
}

export function atNewestEnd(virtualizer: Virtualizer<Window, Element>, rows: ViewRows, stickyOffset: number): boolean {
  const newest = newestView(rows);
  if (!newest) return true;
  if (newest.onTop) return (virtualizer.scrollOffset ?? 0) + stickyOffset <= virtualizer.options.scrollMargin + SLACK_PX;
  return nearListEnd(virtualizer, SLACK_PX) && virtualizer.isAtEnd(SLACK_PX);
}

/**
 * Whether the bottom of the screen is within `slack` of the list's end, from the virtualiser's own sizes. Where it is
 * not, the page's height (a read that lays the page out, several milliseconds on a jump) need not be asked.
 */
export function nearListEnd(virtualizer: Virtualizer<Window, Element>, slack: number): boolean {
  const listEnd = virtualizer.options.scrollMargin + virtualizer.getTotalSize();
  return (virtualizer.scrollOffset ?? 0) + window.innerHeight >= listEnd - slack;
}

class NewestFollower {
  private virtualizer: Virtualizer<Window, Element> | null = null;
  private rows: ViewRows | null = null;
  private lastKey: string | null = null;
  private pending = false;

  /** Called while rendering, before the virtualiser takes in the new rows. */
  see(index: TranscriptIndex, rows: ViewRows, enabled: boolean, stickyOffset: number) {
    this.rows = rows;
    const newest = newestView(rows);
    const key = newest ? TranscriptIndex.keyOf(index.slotAt(rows.rowAt(newest.view))) : null;
    if (key === this.lastKey) return;
    const arrived = this.lastKey !== null && key !== null && key.startsWith('l');
    if (enabled && arrived && this.virtualizer && atNewestEnd(this.virtualizer, rows, stickyOffset)) this.pending = true;
    this.lastKey = key;
  }

  attach(virtualizer: Virtualizer<Window, Element>) {
    this.virtualizer = virtualizer;
  }

  followIfPending() {
    if (!this.pending) return;
    this.pending = false;
    this.scrollToNewest();
  }

  scrollToNewest() {
    const target = this.rows && newestView(this.rows);
    if (!this.virtualizer || !target) return;
    this.virtualizer.scrollToIndex(target.view, { align: target.onTop ? 'start' : 'end' });
    // Past the list's end sit the position indicator and notes; the newest item belongs above them.
    if (!target.onTop) requestAnimationFrame(() => window.scrollTo({ top: document.documentElement.scrollHeight }));
  }
}

/**
 * Keeps a reader who is at the newest item there when items arrive after it. Whether they were there is read
 * from the virtualiser before it takes in the new rows (it keeps the top row in place, which moves the reader
 * off the end).
 */
export function useFollowNewest(index: TranscriptIndex, rows: ViewRows, enabled: boolean, stickyOffset: number) {
  const [follower] = useState(() => new NewestFollower());
  follower.see(index, rows, enabled, stickyOffset);
  useLayoutEffect(() => follower.followIfPending());
  return follower;
}
