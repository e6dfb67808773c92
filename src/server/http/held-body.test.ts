import type { ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { heldBytes } from './held-body.ts';

/** The little of a ServerResponse a small held answer looks at. */
function response(state: { destroyed?: boolean; writableFinished?: boolean } = {}) {
  return Object.assign(new EventEmitter(), { destroyed: false, writableFinished: false, destroy: vi.fn<() => void>(), ...state }) as unknown as ServerResponse;
}

describe('heldBytes, a small answer written in one piece', () => {
  it('gives its bytes back once the answer is written and closed', () => {
    const onDone = vi.fn<() => void>();
    const outgoing = response();
    expect(heldBytes(outgoing, '{"ok":true}', 11, { onDone, stallMs: 60_000 })).toBe('{"ok":true}');
    expect(onDone).not.toHaveBeenCalled();
    outgoing.emit('close');
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('gives its bytes back at once when the client left while the upstream was read', () => {
    const onDone = vi.fn<() => void>();
    heldBytes(response({ destroyed: true }), '{"ok":true}', 11, { onDone, stallMs: 60_000 });
    expect(onDone).toHaveBeenCalledOnce();
  });
});
