import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDocumentTitle } from './use-document-title';

function Titled({ title }: { title: string | null }) {
  useDocumentTitle(title);
  return null;
}

describe('useDocumentTitle', () => {
  it("names the tab after the page, shows a title's direction controls as code points, and gives the name back on leaving", () => {
    const view = render(<Titled title={'Invoice \u202Efdp.exe'} />);
    expect(document.title).toBe('Invoice [U+202E]fdp.exe · Conversation Viewer');
    view.rerender(<Titled title={null} />);
    expect(document.title).toBe('Conversation Viewer');
    view.rerender(<Titled title="Run 7" />);
    view.unmount();
    expect(document.title).toBe('Conversation Viewer');
  });
});
