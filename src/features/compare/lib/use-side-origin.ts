import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { describeApiError, type ErrorDescription } from '../../../lib/describe-api-error';
import { sourceIdOf } from '../../../lib/ids';
import { getOpenedFile } from '../../open-file/lib/opened-file';
import { snapshotQueryOptions } from '../../snapshots/api/snapshots';
import type { SourceSummary } from '../../sources/api/get-sources';
import type { TranscriptOrigin } from '../../transcript/data/use-transcript';
import type { SideSpec } from './compare-search';
import type { ContentCategory } from '../../../shared/snapshots/share-filter';
import type { ItemsLeftOut } from './common-ground';
import type { RedactKind } from '../../../shared/snapshots/pseudonyms';

/** One side of a comparison, read: where it comes from and what its snapshot, if it is one, left out and replaced. */
export interface ReadySide {
  origin: TranscriptOrigin;
  name: string;
  sourceLabel: string;
  /** A title the side's author gave it (a snapshot's); else the run's own is shown. */
  title?: string;
  /** What a snapshot left out of every item; the comparison leaves it out of the other side too. */
  leftOut?: readonly ContentCategory[];
  /** The whole items a snapshot left out (system and developer messages, by default); left out of the other side too. */
  leftOutItems?: ItemsLeftOut;
  /** The kinds of data a snapshot replaced; the other side, shared as a snapshot, replaces them too. */
  replaces?: readonly RedactKind[];
  /** How many names and terms a snapshot replaced: the other side, shared as a snapshot, asks for them. */
  replacedTerms?: number;
  /** The failures of the run a snapshot was taken of, when its tool outputs were left out. */
  originalFailures?: number;
  /** What reading a file did that its reader should know: items put oldest first, one page of a longer run. */
  note?: string;
  /** A file's conversation as the file holds it (the origin's is named by the file where it names no ID): what a snapshot of it stores. */
  fileConversation?: { id?: string; [field: string]: unknown };
}

export type SideOrigin =
  | ({ state: 'ready' } & ReadySide)
  | { state: 'loading' }
  | { state: 'error'; description: ErrorDescription };

const failure = (title: string, hint: string): SideOrigin => ({ state: 'error', description: { title, hint, detail: '', final: true } });

/** Where one side of a comparison comes from, or why it cannot be read; sources are null until they have loaded. */
export function useSideOrigin(spec: SideSpec, sources: readonly SourceSummary[] | null): SideOrigin {
  const snapshotId = spec.kind === 'snapshot' ? spec.snapshotId : '';
  const snapshot = useQuery({ ...snapshotQueryOptions(snapshotId), enabled: spec.kind === 'snapshot' });
  const [file] = useState(getOpenedFile);

  switch (spec.kind) {
    case 'missing':
      return failure('No run given', 'Name a conversation ID, a snapshot (s:<id>) or file for this side.');
    case 'invalid':
      return failure(`“${spec.value.slice(0, 80)}” is not a run the viewer can read`, 'Use a conversation ID (conv_…), a snapshot as s:<snapshot id>, or file for the file opened in this tab.');
    case 'file': {
      if (!file) return failure('No file is open in this tab', 'A file is read in the tab that opened it and is gone after a reload. Open it again from the home page, then compare.');
      const conversationId = typeof file.conversation.id === 'string' ? file.conversation.id : file.name;
      return {
        state: 'ready',
        origin: { kind: 'file', name: file.name, conversationId, conversation: { ...file.conversation, id: conversationId }, items: file.arriving },
        name: file.name,
        sourceLabel: 'a file',
        fileConversation: file.conversation,
        ...(file.note ? { note: file.note } : {}),
      };
    }
    case 'snapshot': {
      if (snapshot.error) return { state: 'error', description: describeApiError(snapshot.error) };
      if (!snapshot.data) return { state: 'loading' };
      const data = snapshot.data;
      return {
        state: 'ready',
        origin: { kind: 'snapshot', snapshotId: spec.snapshotId, conversationId: data.conversation_id ?? data.conversation.id ?? spec.snapshotId, conversation: { id: spec.snapshotId, ...data.conversation } },
        // What the run is, under its title: the conversation the snapshot holds, and which snapshot of it, so two
        // snapshots of one run are told apart; the title its author gave it, if any, heads it.
        name: data.conversation_id ?? `s:${spec.snapshotId}`,
        sourceLabel: `${data.conversation_id ? `snapshot s:${spec.snapshotId}` : 'snapshot'} of ${data.origin === 'file' ? 'a file' : (data.source_label ?? data.source ?? 'a source')}`,
        ...(data.title ? { title: data.title } : {}),
        ...(data.manifest?.rules.content.length ? { leftOut: data.manifest.rules.content, originalFailures: data.manifest.original.failures } : {}),
        ...(data.manifest?.rules.roles.length || data.manifest?.rules.types.length ? { leftOutItems: { roles: data.manifest.rules.roles, types: data.manifest.rules.types } } : {}),
        ...(data.manifest?.rules.kinds.length ? { replaces: data.manifest.rules.kinds } : {}),
        ...(data.manifest?.rules.terms ? { replacedTerms: data.manifest.rules.terms } : {}),
      };
    }
    case 'api': {
      if (!sources) return { state: 'loading' };
      // A link's source in another case (`Demo`) names the source of that ID.
      const wanted = spec.source ? sourceIdOf(spec.source) : null;
      const source = wanted ? sources.find((candidate) => candidate.id === wanted) : undefined;
      if (!spec.source) return failure('No sources are configured', 'This viewer has no API key set and its demo source is off.');
      if (!source) return failure(`Unknown source “${spec.source.slice(0, 60)}”`, `The link names a source this viewer does not have. Configured: ${sources.map((candidate) => candidate.id).join(', ') || 'none'}.`);
      return { state: 'ready', origin: { kind: 'api', source: source.id, conversationId: spec.conversationId }, name: spec.conversationId, sourceLabel: source.label };
    }
  }
}
