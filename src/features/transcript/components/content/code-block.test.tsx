import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CodeBlock } from './code-block';
import { LongText } from './long-text';

describe('an output or code block whose text ends with a line break', () => {
  it('shows no empty last line for it, as output', () => {
    render(<LongText variant="code" text={'> vitest run\n\n'} label="stdout" />);
    // One line break is the end of the last line; only the one before it is an empty line of the output.
    expect(screen.getByLabelText('stdout').textContent).toBe('> vitest run\n');
  });

  it('shows no empty last line for it, as highlighted code', { timeout: 20_000 }, async () => {
    const { container } = render(<CodeBlock code={'print(1)\n'} language="python" label="Code" />);
    await waitFor(() => expect(container.querySelector('pre code')).not.toBeNull(), { timeout: 10_000 });
    expect(container.querySelector('pre code')!.textContent!.replace(/\n$/, '')).toBe('print(1)');
  });
});
