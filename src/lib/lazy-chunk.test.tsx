import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { lazyChunk, useChunk, type LazyChunk } from './lazy-chunk';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

function Shown({ chunk, wanted = true }: { chunk: LazyChunk<string>; wanted?: boolean }) {
  const state = useChunk(chunk, wanted);
  return <p>{state.status === 'loaded' ? state.value : state.status === 'failed' ? `failed: ${String(state.error)}` : 'waiting'}</p>;
}

describe('lazyChunk', () => {
  it('fetches once for every component that wants it, and renders them all when it arrives, without suspending', async () => {
    const arrival = deferred<string>();
    const load = vi.fn<() => Promise<string>>(() => arrival.promise);
    const chunk = lazyChunk(load);
    render(
      <Suspense fallback={<p>fallback</p>}>
        <Shown chunk={chunk} />
        <Shown chunk={chunk} />
      </Suspense>,
    );
    expect(screen.getAllByText('waiting')).toHaveLength(2);
    expect(load).toHaveBeenCalledTimes(1);
    await act(async () => arrival.resolve('the page'));
    expect(screen.getAllByText('the page')).toHaveLength(2);
    expect(screen.queryByText('fallback')).toBeNull();
  });

  it('is not fetched until a component wants it, and an arrived chunk renders on the first try', async () => {
    const load = vi.fn<() => Promise<string>>(() => Promise.resolve('markdown'));
    const chunk = lazyChunk(load);
    const { rerender } = render(<Shown chunk={chunk} wanted={false} />);
    expect(load).not.toHaveBeenCalled();
    await act(async () => rerender(<Shown chunk={chunk} wanted />));
    expect(screen.getByText('markdown')).toBeTruthy();
    render(<Shown chunk={chunk} wanted />);
    expect(screen.getAllByText('markdown')).toHaveLength(2);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a chunk that cannot load says why, and is not fetched again', async () => {
    const load = vi.fn<() => Promise<string>>(() => Promise.reject(new Error('network down')));
    const chunk = lazyChunk(load);
    render(<Shown chunk={chunk} />);
    expect(await screen.findByText('failed: Error: network down')).toBeTruthy();
    chunk.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });
});
