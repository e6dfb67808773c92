import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-error';
import { liveStatusText, liveTrouble } from './live-status';

const base: Parameters<typeof liveStatusText>[0] = { on: true, stoppedAfterMinutes: null, stoppedByFailures: false, waiting: false, noIds: false, checking: false, lastUpdatedAt: null, error: null, nextCheckAt: () => 20_000, behind: false, catchingUp: null };

describe('liveStatusText', () => {
  it('says when it last looked', () => {
    expect(liveStatusText({ ...base, lastUpdatedAt: 8_000 }, 10_000)).toBe('Live · updated 2 s ago');
    expect(liveStatusText({ ...base, lastUpdatedAt: 0 }, 150_000)).toBe('Live · updated 2 min ago');
    expect(liveStatusText({ ...base, checking: true }, 0)).toBe('Live · checking…');
  });

  it('says a burst is being read on, and when new items cannot be placed without a reload', () => {
    expect(liveStatusText({ ...base, lastUpdatedAt: 8_000, catchingUp: 1_000 }, 10_000)).toBe('Live · catching up on a burst: 1,000 new items placed, more to come');
    expect(liveStatusText({ ...base, lastUpdatedAt: 8_000, behind: true }, 10_000)).toBe('Live · new items arrived after items gone upstream: reload to read them');
  });

  it('says why it is off', () => {
    expect(liveStatusText({ ...base, on: false }, 0)).toBe('Live off');
    expect(liveStatusText({ ...base, on: false, stoppedAfterMinutes: 3 }, 0)).toBe('Live off · stopped after 3 min without changes');
    const gone = new ApiError("Conversation with id 'conv_1' not found.", { status: 404 });
    expect(liveStatusText({ ...base, on: false, stoppedAfterMinutes: 3, stoppedByFailures: true, error: gone }, 0)).toBe("Live off · stopped after 3 min of failed checks (Conversation with id 'conv_1' not found.)");
  });

  it('says what failed and when it tries again', () => {
    const limited = new ApiError('Rate limit reached.', { status: 429, retryAfterSeconds: 10 });
    expect(liveStatusText({ ...base, error: limited }, 10_000)).toBe('Live · rate limited, next check in 10 s');
    const broken = new ApiError('OpenAI had a problem.', { status: 502 });
    expect(liveStatusText({ ...base, error: broken }, 14_000)).toBe('Live · update failed (OpenAI had a problem.), retrying in 6 s');
    // A long message (a stack trace) is cut short, so when it tries again stays in view.
    const long = new ApiError(`Internal error: ${'at module.function (file.js:10:5) '.repeat(40)}`, { status: 500 });
    const line = liveStatusText({ ...base, error: long }, 14_000);
    expect(line).toMatch(/^Live · update failed \(Internal error: at module\.function .{10,}…\), retrying in 6 s$/);
    expect(line.length).toBeLessThan(110);
    expect(liveStatusText({ ...base, waiting: true }, 0)).toBe('Live · waiting for the newest items to load');
    // Loaded whole, with no ID among its newest items: nothing to wait for.
    expect(liveStatusText({ ...base, noIds: true }, 0)).toBe('Live · cannot follow this conversation: its newest items have no IDs to read on from');
  });
});

describe('liveTrouble', () => {
  it('names failing checks and a watch that stopped itself, and nothing else', () => {
    expect(liveTrouble({ ...base, lastUpdatedAt: 8_000 })).toBeNull();
    expect(liveTrouble({ ...base, on: false })).toBeNull();
    expect(liveTrouble({ ...base, error: new ApiError('OpenAI had a problem.', { status: 502 }) })).toBe('Live failing');
    expect(liveTrouble({ ...base, noIds: true })).toBe('Live failing');
    expect(liveTrouble({ ...base, on: false, stoppedAfterMinutes: 3 })).toBe('Live stopped');
    expect(liveTrouble({ ...base, on: false, stoppedAfterMinutes: 3, stoppedByFailures: true, error: new ApiError('Gone.', { status: 404 }) })).toBe('Live failed');
  });
});
