import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Announcer } from '../../../components/announcer';
import type { TranscriptIndex } from '../data/transcript-index';
import type { TranscriptLoad } from '../data/use-transcript';
import { TranscriptBottomBar } from './transcript-bottom-bar';

/**
 * Every text a screen reader is handed: each change inside a live region (an output, a status, aria-live), as the
 * region reads once the change is made (`heard` after each render: mutation records otherwise arrive in a batch).
 */
function listenToLiveRegions() {
  const heard: string[] = [];
  const note = (records: MutationRecord[]) => {
    for (const record of records) {
      const node = record.target instanceof Element ? record.target : record.target.parentElement;
      const region = node?.closest('output, [role="status"], [role="alert"], [role="log"], [aria-live]');
      if (!region || region.getAttribute('aria-live') === 'off') continue;
      const text = region.textContent?.trim() ?? '';
      if (text && heard.at(-1) !== text) heard.push(text);
    }
  };
  const observer = new MutationObserver(note);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  return {
    heard: () => {
      note(observer.takeRecords());
      return heard;
    },
    stop: () => observer.disconnect(),
  };
}

const bar = (state: TranscriptLoad['state'], itemCount: number) => (
  <>
    <Announcer />
    <TranscriptBottomBar
      index={{ itemCount, complete: state === 'complete', slotAt: () => undefined } as unknown as TranscriptIndex}
      load={{ state, error: null, retrying: false, stop: () => {}, resume: () => {} }}
      canPause
      unseen={{ unseen: 0, markSeen: () => {} }}
      newestOnTop={false}
      positionRow={null}
      rowCount={itemCount}
      toolbarStuck
      list={{ current: null }}
    />
  </>
);

let live: ReturnType<typeof listenToLiveRegions> | null = null;
afterEach(() => live?.stop());

describe('TranscriptBottomBar', () => {
  it('shows the count growing while a run loads, but says only that loading started and that it ended', async () => {
    live = listenToLiveRegions();
    const { rerender } = render(bar('loading', 50));
    live.heard();
    for (let count = 100; count <= 2_000; count += 50) {
      rerender(bar('loading', count));
      live.heard();
    }
    expect(screen.getByText('Loading… 2,000 items so far')).toBeVisible();
    rerender(bar('complete', 2_050));
    await act(async () => {});
    // Items that arrive later (Live) are not a load that ends again.
    rerender(bar('complete', 2_060));
    expect(live.heard()).toEqual(['Loading…', 'All items loaded.']);
  });

  it('says when the reader stopped loading, and when it goes on', async () => {
    live = listenToLiveRegions();
    const { rerender } = render(bar('loading', 50));
    for (const [state, count] of [['loading', 400], ['stopped', 450], ['loading', 450], ['loading', 900]] as const) {
      live.heard();
      rerender(bar(state, count));
    }
    await act(async () => {});
    expect(live.heard()).toEqual(['Loading…', 'Loading stopped.', 'Loading…']);
  });

  it('says nothing of a load when the page opens on items already complete (a snapshot, a file, a conversation read before)', async () => {
    live = listenToLiveRegions();
    render(bar('complete', 120));
    await act(async () => {});
    expect(live.heard()).toEqual([]);
  });
});
