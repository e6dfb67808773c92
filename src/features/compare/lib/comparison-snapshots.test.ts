import { describe, expect, it } from 'vitest';
import { ArrivingItems } from '../../open-file/lib/arriving-items';
import { sideSnapshotRequest, type ComparisonSide } from './comparison-snapshots';

const live: ComparisonSide = { origin: { kind: 'api', source: 'demo', conversationId: 'conv_b' }, name: 'conv_b' };
const snapshot = (extra: Partial<ComparisonSide>): ComparisonSide => ({
  origin: { kind: 'snapshot', snapshotId: 'snapshotAAAAAAAAAAAAAAAA', conversationId: 'conv_a', conversation: { id: 'conv_a' } },
  name: 'conv_a',
  ...extra,
});
const choices = { leaveOutSystem: true, expiry: 'never' } as const;

describe('sharing a comparison as snapshots', () => {
  it('stores the run that is not a snapshot yet without what the other side’s snapshot left out or replaced', () => {
    const sides = { a: snapshot({ leftOut: ['tool_outputs', 'images'], replaces: ['email'] }), b: live };
    expect(sideSnapshotRequest('a', sides, choices)).toBeNull();
    expect(sideSnapshotRequest('b', sides, choices)).toEqual({
      source: 'demo',
      conversation_id: 'conv_b',
      title: 'Run B of a comparison',
      exclude: { roles: ['system', 'developer'], item_ids: [], content: ['tool_outputs', 'images'] },
      redact: { kinds: ['email'], terms: [] },
    });
  });

  it('replaces in the run stored the names and terms typed for it, which the other side’s snapshot does not record', () => {
    const sides = { a: snapshot({ replacedTerms: 1 }), b: live };
    expect(sideSnapshotRequest('b', sides, { ...choices, terms: 'Acme Corp\n\nProject Falcon ' })).toMatchObject({ redact: { kinds: [], terms: ['Acme Corp', 'Project Falcon'] } });
  });

  it('leaves out of the run stored the whole items the other side’s snapshot left out, by role and by type, whatever the box says', () => {
    const sides = { a: snapshot({ leftOutItems: { roles: ['system', 'developer'], types: ['reasoning'] } }), b: live };
    expect(sideSnapshotRequest('b', sides, { leaveOutSystem: false, expiry: 'never' })).toMatchObject({ exclude: { roles: ['system', 'developer'], types: ['reasoning'] } });
  });

  it('two runs stored together leave out only what the author chose', () => {
    const request = sideSnapshotRequest('a', { a: live, b: { ...live, name: 'conv_c' } }, { leaveOutSystem: false, expiry: 'never' });
    expect(request).toMatchObject({ exclude: { roles: [], content: [] }, redact: { kinds: [] } });
  });

  it('stores a file that names no conversation without the file name the page shows in place of an ID', () => {
    const items = new ArrivingItems();
    items.add([{ id: 'msg_1', type: 'message', role: 'user', content: 'hi' }]);
    items.finish();
    const file: ComparisonSide = {
      origin: { kind: 'file', name: 'run.json', conversationId: 'run.json', conversation: { id: 'run.json' }, items },
      name: 'run.json',
      fileConversation: { metadata: { team: 'a' } },
    };
    expect(sideSnapshotRequest('a', { a: file, b: live }, choices)).toMatchObject({ file: { conversation: { metadata: { team: 'a' } } } });
    expect((sideSnapshotRequest('a', { a: file, b: live }, choices) as { file: { conversation: object } }).file.conversation).not.toHaveProperty('id');
  });

  it("stores every item of a file read so far, not only the rows the page has shown yet", () => {
    const items = new ArrivingItems();
    // The first page shows at once; the second waits for the next frame.
    items.add([{ id: 'msg_1', type: 'message', role: 'user', content: 'hi' }]);
    items.add([{ id: 'msg_2', type: 'message', role: 'assistant', content: 'hello' }]);
    items.finish();
    expect(items.pages.flat()).toHaveLength(1);
    const file: ComparisonSide = { origin: { kind: 'file', name: 'run.json', conversationId: 'run.json', conversation: { id: 'run.json' }, items }, name: 'run.json' };
    const request = sideSnapshotRequest('a', { a: file, b: live }, { leaveOutSystem: false, expiry: 'never' }) as { file: { items: readonly { id?: string }[] } };
    expect(request.file.items.map((item) => item.id)).toEqual(['msg_1', 'msg_2']);
  });
});
