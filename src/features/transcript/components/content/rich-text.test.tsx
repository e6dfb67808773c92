import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RichText } from './rich-text';

const LAZY = { timeout: 10_000 };

describe('Markdown nested too deep', () => {
  it.each([
    ['quotes', `${'> '.repeat(3_000)}deep`],
    ['list items', `${'* '.repeat(3_000)}deep`],
  ])('3,000 levels of %s show as plain text, with the reason', (_, text) => {
    const { container } = render(<RichText text={text} mode="markdown" />);
    expect(screen.getByText('Shown as plain text: nested 3,000 levels deep, too deep to format as Markdown.')).toBeInTheDocument();
    expect(container.querySelector('blockquote, ul')).toBeNull();
    expect(container.textContent).toContain(text.slice(0, 12));
  });

  it('ordinary nesting still renders as Markdown', { timeout: 20_000 }, async () => {
    const { container } = render(<RichText text={'> quoted\n>\n> - item'} mode="markdown" />);
    await screen.findByText('item', {}, LAZY);
    expect(container.querySelector('blockquote ul')).not.toBeNull();
  });
});

describe('links that pretend', () => {
  it('a link whose text is another URL shows where it really goes', { timeout: 20_000 }, async () => {
    const { container } = render(<RichText text="Log in at [https://bank.example](https://evil.example/login) or https://bank.example." mode="markdown" />);
    const links = await screen.findAllByRole('link', { name: 'https://bank.example' }, LAZY);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://evil.example/login', 'https://bank.example/']);
    expect(container.querySelectorAll('[data-real-target]')).toHaveLength(1);
    expect(container.querySelector('[data-real-target]')).toHaveTextContent('evil.example');
  });

  it('direction controls in link text are shown, not obeyed', { timeout: 20_000 }, async () => {
    const { container } = render(<RichText text={'Open [invoice\u202Efdp.exe](https://files.example/x)'} mode="markdown" />);
    const link = await screen.findByRole('link', { name: /invoice/ }, LAZY);
    expect(link).toHaveTextContent('invoice[U+202E]fdp.exe');
    expect(container.textContent).not.toContain('\u202E');
  });

  it('direction controls in a Markdown heading are shown, not obeyed', { timeout: 20_000 }, async () => {
    const { container } = render(<RichText text={'## Attached: report\u202Etxt.exe\n\nBody.'} mode="markdown" />);
    const heading = await screen.findByRole('heading', { name: /Attached/ }, LAZY);
    expect(heading).toHaveTextContent('Attached: report[U+202E]txt.exe');
    expect(container.textContent).not.toContain('\u202E');
  });

  it('direction controls in Markdown code, fenced or inline, are shown, not obeyed', { timeout: 20_000 }, async () => {
    const { container } = render(<RichText text={'Fixed:\n\n```js\nif (role != "admin\u202E \u2066// is user\u2069 \u2066") {\n```\n\nSee `x\u202Ey`.'} mode="markdown" />);
    await screen.findByText('x[U+202E]y', {}, LAZY);
    expect(container.querySelector('pre')).toHaveTextContent('if (role != "admin[U+202E] [U+2066]// is user[U+2069] [U+2066]") {');
    expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it.each([
    ['plain text', {}],
    ['plain text with citations', { citations: [{ number: 1, kind: 'url' as const, label: 'Source', href: 'https://example.com/', at: 4 }] }],
  ])('direction controls in %s are shown, not obeyed', (_, extra) => {
    const { container } = render(<RichText text={'Open \u2067report\u202Etxt.exe\u2069 now \u200F\u061C'} mode="plain" {...extra} />);
    expect(container.textContent).toContain('[U+2067]report[U+202E]txt.exe[U+2069] now [U+200F][U+061C]');
    expect(container.textContent).not.toMatch(/[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('Markdown details a reader notices', () => {
  it('a blocked image shows its alt text, not "undefined"', { timeout: 20_000 }, async () => {
    const { container } = render(<RichText text={'![Build chart](javascript:alert(1))'} mode="markdown" />);
    await screen.findByText(/Build chart/, {}, LAZY);
    expect(container.textContent).not.toContain('undefined');
    expect(container.querySelector('img[src^="javascript"]')).toBeNull();
  });

  it('task-list checkboxes say whether the task is done', { timeout: 20_000 }, async () => {
    render(<RichText text={'- [x] ship it\n- [ ] write the post'} mode="markdown" />);
    const boxes = await screen.findAllByRole('checkbox', {}, LAZY);
    expect(boxes.map((box) => box.getAttribute('aria-label'))).toEqual(['Done', 'Not done']);
  });
});
