import { act, render, renderHook } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { useFocusedRow } from './use-focused-row';

describe('useFocusedRow', () => {
  it('names the row that holds the focus, or a control inside it, and forgets it when focus leaves the list', () => {
    const container = createRef<HTMLDivElement>();
    render(
      <div>
        <div ref={container}>
          <li data-row="4" tabIndex={-1} data-testid="row">
            <button type="button">Copy</button>
          </li>
          <li data-row="7" tabIndex={-1} />
        </div>
        <input aria-label="Search" />
      </div>,
    );
    const { result } = renderHook(() => useFocusedRow(container));
    expect(result.current).toBeNull();
    act(() => container.current!.querySelector<HTMLElement>('[data-row="7"]')!.focus());
    expect(result.current).toBe(7);
    act(() => container.current!.querySelector('button')!.focus());
    expect(result.current).toBe(4);
    act(() => document.querySelector<HTMLInputElement>('input')!.focus());
    expect(result.current).toBeNull();
  });
});
