import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SourceSummary } from '../../sources/api/get-sources';
import { OpenConversationForm, type OpenRequest } from './open-conversation-form';

const demo: SourceSummary = { id: 'demo', label: 'Demo', kind: 'demo' };

describe('OpenConversationForm', () => {
  it('opens with the ID a failed page sent back, focused and selected whole, ready to be corrected', () => {
    render(<OpenConversationForm initialValue="conv_does_not_exist" sources={[demo]} defaultSource="demo" onOpen={vi.fn<(request: OpenRequest) => void>()} />);
    const input = screen.getByLabelText<HTMLInputElement>('Conversation ID, API URL or share link');
    expect(input.value).toBe('conv_does_not_exist');
    expect(input).toHaveFocus();
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, 'conv_does_not_exist'.length]);
  });

  it('opens empty otherwise', () => {
    render(<OpenConversationForm sources={[demo]} defaultSource="demo" onOpen={vi.fn<(request: OpenRequest) => void>()} />);
    expect(screen.getByLabelText<HTMLInputElement>('Conversation ID, API URL or share link').value).toBe('');
  });
});
