import { useEffect, useRef, type RefObject } from 'react';
import { announce } from '../../../components/announcer';
import type { TranscriptIndex } from '../data/transcript-index';
import type { TranscriptLoad } from '../data/use-transcript';
import { NewItemsPill } from '../live/new-items-pill';
import { PositionIndicator } from '../list/position-indicator';
import type { TranscriptListHandle } from '../list/transcript-list';
import { LoadProgress } from './load-progress';

interface TranscriptBottomBarProps {
  index: TranscriptIndex;
  load: TranscriptLoad;
  /** A local file's reading cannot be paused. */
  canPause: boolean;
  unseen: { unseen: number; markSeen: () => void };
  newestOnTop: boolean;
  /** The row the position indicator names. */
  positionRow: number | null;
  /** View positions in all, for the jump to the end. */
  rowCount: number;
  /** Whether the toolbar is stuck at the top: until then, a phone keeps the pill and the position off the controls. */
  toolbarStuck: boolean;
  list: RefObject<TranscriptListHandle | null>;
}

/** What floats at the bottom of the screen: how loading goes (with Stop and Load the rest), new live items, and where the reader is. */
export function TranscriptBottomBar({ index, load, canPause, unseen, newestOnTop, positionRow, rowCount, toolbarStuck, list }: TranscriptBottomBarProps) {
  // Said as loading starts, stops and ends, not with each count (LoadProgress shows those); a failure says itself. A
  // page that opens on items already complete (a snapshot, a file, a conversation read before) says nothing of it.
  const said = load.state === 'loading' ? 'Loading…' : load.state === 'stopped' ? 'Loading stopped.' : load.state === 'complete' ? 'All items loaded.' : '';
  const before = useRef<string | null>(null);
  useEffect(() => {
    if (said && (before.current !== null || said === 'Loading…')) announce(said);
    before.current = said;
  }, [said]);
  return (
    <div className="pointer-events-none sticky bottom-3 z-20 flex flex-wrap items-end justify-between gap-2">
      <div className="pointer-events-auto">
        {load.state === 'loading' || load.state === 'stopped' ? (
          <LoadProgress loaded={index.itemCount} loading={load.state === 'loading'} paused={load.state === 'stopped'} onPause={canPause ? load.stop : undefined} onResume={load.resume} />
        ) : null}
      </div>
      {index.itemCount > 0 ? (
        // On a phone the pill waits until the page has scrolled into the list, so it never covers the controls above it.
        <div className={`pointer-events-auto ml-auto flex items-center gap-2 ${toolbarStuck ? '' : 'max-sm:hidden'}`}>
          <NewItemsPill
            count={unseen.unseen}
            newestOnTop={newestOnTop}
            onClick={() => {
              unseen.markSeen();
              list.current?.scrollToNewest();
            }}
          />
          <PositionIndicator
            index={index}
            topRow={positionRow}
            onTop={() => list.current?.scrollToView(0, { align: 'start' })}
            onEnd={() => list.current?.scrollToView(rowCount - 1, { align: 'end' })}
          />
        </div>
      ) : null}
    </div>
  );
}
