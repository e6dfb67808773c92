import type { SourceKind } from '../contract/shapes.ts';
import type { Replacement } from './pseudonyms.ts';
import type { ShareManifest } from './share-filter.ts';

/** A snapshot as every answer about it describes it: the server stores it, the browser lists and shows it. */
export interface SnapshotMeta {
  id: string;
  title: string | null;
  /** `file`: uploaded from a file a browser opened, not read from a source. */
  origin: 'source' | 'file';
  source: string | null;
  source_label: string | null;
  /** The source's kind when the snapshot was taken (`openai`, `azure`, `dashscope`, …); null for a file, or before it was kept. */
  source_kind: SourceKind | null;
  conversation_id: string | null;
  item_count: number;
  excluded_count: number;
  created_at: string;
  expires_at: string | null;
  /** What was left out and replaced, and the run as it was; null for snapshots stored before manifests. */
  manifest: ShareManifest | null;
}

/** With the path of its page, as the API answers. */
export interface SnapshotSummary extends SnapshotMeta {
  url: string;
}

/** What a snapshot with given rules would hold, as `POST /api/snapshots/preview` answers; nothing is stored. */
export interface SnapshotPreview {
  object: 'snapshot.preview';
  item_count: number;
  byte_size: number;
  manifest: ShareManifest;
  samples: Replacement[];
}
