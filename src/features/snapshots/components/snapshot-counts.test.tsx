import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { previewLocally } from '../lib/local-share';
import type { SnapshotSummary } from '../api/snapshots';
import { SharePreview } from './share-preview';
import { SnapshotBanner } from './snapshot-banner';
import { SnapshotsPage } from './snapshots-page';

const question = { id: 'msg_1', type: 'message', role: 'user', content: 'What is the weather?' };
const rules = { exclude: { roles: ['system', 'developer'] }, redact: {} };

async function oneItemSnapshot(): Promise<SnapshotSummary> {
  const preview = await previewLocally({ id: 'conv_1' }, [{ id: 'msg_0', type: 'message', role: 'system', content: 'Be brief.' }, question], rules);
  return {
    id: 'snap_1', url: '/s/snap_1', title: 'Weather', origin: 'source', source: 'demo', source_label: 'Demo', source_kind: 'demo', conversation_id: 'conv_1',
    item_count: preview.item_count, excluded_count: 1, created_at: '2026-12-01T10:00:00Z', expires_at: null, manifest: preview.manifest,
  };
}

describe('a snapshot of one item', () => {
  it('says 1 item, in its preview, its banner and the list of snapshots', async () => {
    render(<SharePreview preview={await previewLocally({ id: 'conv_1' }, [question], rules)} checking={false} error={null} />);
    expect(screen.getByTestId('share-preview')).toHaveTextContent('Holds 1 of 1 item.');

    const snapshot = await oneItemSnapshot();
    render(<SnapshotBanner snapshot={{ ...snapshot, conversation: { id: 'conv_1' } }} />);
    // Of the run's items, so what its categories list adds up for a reader.
    expect(screen.getByRole('region', { name: 'Snapshot' })).toHaveTextContent('It holds 1 of the run’s 2 items.');
    // A snapshot stored before manifests says what it left out in the same sentence.
    render(<SnapshotBanner snapshot={{ ...snapshot, title: 'Older', manifest: null, conversation: { id: 'conv_1' } }} />);
    expect(screen.getByText(/Older/).parentElement).toHaveTextContent('It holds 1 item; 1 was left out.');

    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ object: 'list', data: [snapshot] })));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(<QueryClientProvider client={client}><SnapshotsPage /></QueryClientProvider>);
    expect(await screen.findByTestId('snapshot-row')).toHaveTextContent(/· 1 item \(1 left out\)/);
    vi.unstubAllGlobals();
  });
});
