import { ApiError } from '../../../lib/api-error';
import type { LiveUpdates } from './use-live-updates';

const seconds = (ms: number) => Math.max(0, Math.round(ms / 1000));

/** Longest a failure's reason runs in the line: a source's long message (a stack trace) would hide when it tries again. */
const MAX_REASON = 60;

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : 'unknown error';
  return message.length > MAX_REASON ? `${message.slice(0, MAX_REASON - 1).trimEnd()}…` : message;
}

function ago(ms: number): string {
  const s = seconds(ms);
  return s < 60 ? `${s} s ago` : `${Math.floor(s / 60)} min ago`;
}

/** The Live switch's one-line state, e.g. "Live · updated 2 s ago". */
export function liveStatusText(live: Omit<LiveUpdates, 'toggle' | 'reload'>, now: number): string {
  if (!live.on) {
    if (live.stoppedAfterMinutes === null) return 'Live off';
    // Checks that kept failing (the conversation deleted, the key revoked) are why it stopped, not a quiet run.
    if (live.stoppedByFailures) return `Live off · stopped after ${live.stoppedAfterMinutes} min of failed checks (${reason(live.error)})`;
    return `Live off · stopped after ${live.stoppedAfterMinutes} min without changes`;
  }
  if (live.waiting) return 'Live · waiting for the newest items to load';
  if (live.noIds) return 'Live · cannot follow this conversation: its newest items have no IDs to read on from';
  if (live.error) {
    const wait = seconds(live.nextCheckAt() - now);
    if (live.error instanceof ApiError && live.error.status === 429) return `Live · rate limited, next check in ${wait} s`;
    return `Live · update failed (${reason(live.error)}), retrying in ${wait} s`;
  }
  // The Live switch offers Reload beside it.
  if (live.behind) return 'Live · new items arrived after items gone upstream: reload to read them';
  if (live.catchingUp !== null) return `Live · catching up on a burst: ${live.catchingUp.toLocaleString('en-US')} new items placed, more to come`;
  if (live.lastUpdatedAt === null) return live.checking ? 'Live · checking…' : 'Live · watching';
  return `Live · updated ${ago(now - live.lastUpdatedAt)}`;
}

/**
 * What a reader must not miss while the Live line is folded away (on a phone): checks that fail, a watch they stopped,
 * or one that stopped itself after a quiet while (no failure: the page says it in amber, not red).
 */
export function liveTrouble(live: Omit<LiveUpdates, 'toggle' | 'reload'>): 'Live failing' | 'Live failed' | 'Live stopped' | null {
  if (!live.on) return live.stoppedAfterMinutes === null ? null : live.stoppedByFailures ? 'Live failed' : 'Live stopped';
  return live.error || live.noIds ? 'Live failing' : null;
}
