import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { ImageScopeContext, RemoteImagePolicyContext, type RemoteImagePolicy } from '../../lib/remote-images';
import { SafeImage } from './safe-image';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function Item({ id, children }: { id: string; children: ReactNode }) {
  return <ImageScopeContext value={id}>{children}</ImageScopeContext>;
}

function renderImages(policy: RemoteImagePolicy, path: string) {
  window.history.replaceState(null, '', path);
  return render(
    <RemoteImagePolicyContext value={policy}>
      <Item id="msg_a">
        <SafeImage src="https://tracker.example/a.png" alt="first" />
        <SafeImage src={PNG} alt="inline" />
      </Item>
      <Item id="msg_b">
        <SafeImage src="https://tracker.example/b.png" alt="second" />
      </Item>
    </RemoteImagePolicyContext>,
  );
}

describe('remote images', () => {
  it('load at once by default', () => {
    renderImages('load', '/c/conv_load');
    expect(screen.getAllByRole('img')).toHaveLength(3);
  });

  it('with ask, wait for a click, per item or for the whole conversation; data: images always show', async () => {
    const { container } = renderImages('ask', '/c/conv_ask');
    expect(screen.getAllByRole('img').map((image) => image.getAttribute('alt'))).toEqual(['inline']);
    expect(container.textContent).toContain('tracker.example');

    await userEvent.click(screen.getAllByRole('button', { name: 'Load images in this item' })[0]);
    expect(screen.getAllByRole('img').map((image) => image.getAttribute('alt'))).toEqual(['first', 'inline']);

    await userEvent.click(screen.getByRole('button', { name: 'Load all images in this conversation' }));
    expect(screen.getAllByRole('img')).toHaveLength(3);
  });

  it('with ask, a permission for one conversation does not carry over to another', () => {
    renderImages('ask', '/c/conv_other');
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });

  it('wait while the setting is not known yet', () => {
    renderImages('pending', '/c/conv_pending');
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });
});
