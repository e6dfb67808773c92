import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CurrentMatchContext, SearchQueryContext } from '../../search/search-query-context';
import { JsonView } from './json-view';
import { ToolPayload } from './tool-payload';

const schema = { type: 'object', properties: { owner: { type: 'string', description: 'The owner' } }, required: ['owner', 'repo', 'pull_number'] };

function renderSchema(needle: string, current: boolean) {
  return render(
    <SearchQueryContext value={needle}>
      <CurrentMatchContext value={current}>
        <JsonView value={schema} openDepth={0} label="Schema" />
      </CurrentMatchContext>
    </SearchQueryContext>,
  );
}

describe('JsonView and the search', () => {
  it('opens the folded parts that hold the current match, and only those', () => {
    renderSchema('pull_number', true);
    expect(screen.getByLabelText('Schema').textContent).toContain('"pull_number"');
    // The part beside it, without the match, stays folded.
    expect(screen.getByText(/"properties"/).closest('details')?.open).toBe(false);
  });

  it('leaves a match in another row folded', () => {
    renderSchema('pull_number', false);
    expect(screen.getByLabelText('Schema').textContent).not.toContain('pull_number');
  });

  it('lets the reader fold an opened part again', () => {
    renderSchema('pull_number', true);
    const root = screen.getByLabelText('Schema').querySelector('details')!;
    root.open = false;
    fireEvent(root, new Event('toggle'));
    expect(screen.getByLabelText('Schema').textContent).not.toContain('pull_number');
  });
});

describe('JsonView and direction controls', () => {
  it('shows them as code points in keys and values, short or long', () => {
    const { rerender } = render(<JsonView value={{ cmd: 'ls\u202Eexe' }} label="Arguments" />);
    expect(screen.getByLabelText('Arguments')).toHaveTextContent('{ "cmd": "ls[U+202E]exe" }');
    const long = { ['ke\u2067y']: 'x'.repeat(100), code: 'if (role != "admin\u202E \u2066// is user\u2069 \u2066") {', list: ['a\u200Fb', 'c'] };
    rerender(<JsonView value={long} label="Arguments" />);
    const shown = screen.getByLabelText('Arguments').textContent;
    expect(shown).toContain('"ke[U+2067]y"');
    expect(shown).toContain('admin[U+202E] [U+2066]// is user[U+2069]');
    expect(shown).toContain('a[U+200F]b');
    expect(shown).not.toMatch(/[\u200F\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('JsonView and numbers', () => {
  it('shows a JSON text\'s numbers as written: an ID of 20 digits not rounded, 10.00 and 1E3 kept', () => {
    const args = '{"order_id": 12345678901234567890, "amount": 10.00, "items": [{"sku": 1E3, "n": 2}], "note": "x".repeat(1)}';
    render(<ToolPayload label="Arguments" value={args.replace('"x".repeat(1)', `"${'a'.repeat(100)}"`)} />);
    const box = screen.getByLabelText('Arguments').textContent;
    expect(box).toContain('"order_id": 12345678901234567890');
    expect(box).toContain('"amount": 10.00');
    expect(box).toContain('{ "sku": 1E3, "n": 2 }');
    expect(box).not.toContain('12345678901234567000');
  });

  it('colours a number kept as written as a number, not as an object to open', () => {
    render(<ToolPayload label="Arguments" value={`{"id": 12345678901234567890, "text": "${'a'.repeat(100)}"}`} />);
    const id = screen.getByText('12345678901234567890');
    expect(id.tagName).toBe('SPAN');
    expect(id.closest('details')?.querySelector('details')).toBeNull();
  });
});

describe('JsonView and long strings', () => {
  const content = Array.from({ length: 400 }, (_, n) => `line ${n}: ${'text '.repeat(10)}`).join('\n');
  const output = JSON.stringify({ path: 'notes.txt', content: `${content}\nthe end` });

  it('shows a long string quoted, its start only, and more of it at each Show more', () => {
    render(<ToolPayload label="Output" value={output} />);
    const box = screen.getByLabelText('Output');
    expect(box.textContent).toContain('"content": "line 0: text');
    expect(box.textContent).not.toContain('the end');
    fireEvent.click(screen.getByRole('button', { name: /^Show more \([\d,]+ characters\)$/ }));
    let steps = 0;
    while (!box.textContent!.includes('the end"') && steps++ < 20) fireEvent.click(screen.getByRole('button', { name: /more characters/ }));
    expect(box.textContent).toContain('\\nthe end"');
    expect(screen.getByRole('button', { name: 'Show less' })).toBeInTheDocument();
  });

  it('opens a long string as far as the current search match in it, and only the current one', () => {
    const renderWith = (current: boolean) =>
      render(
        <SearchQueryContext value="the end">
          <CurrentMatchContext value={current}>
            <ToolPayload label="Output" value={output} />
          </CurrentMatchContext>
        </SearchQueryContext>,
      );
    renderWith(false);
    expect(screen.getByLabelText('Output').textContent).not.toContain('the end');
    cleanup();
    renderWith(true);
    expect(screen.getByLabelText('Output').textContent).toContain('the end');
  });
});
