import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { sourcesPath } from '../../../shared/contract/api-paths';

export interface SourceSummary {
  id: string;
  label: string;
  kind: 'demo' | 'dashscope' | 'openai' | 'azure' | 'compatible';
}

export interface DemoExample {
  id: string;
  title: string;
  description: string;
  itemCount: number;
}

export interface SourcesResponse {
  sources: SourceSummary[];
  defaultSource: string | null;
  demoExamples: DemoExample[];
  /** `ask`: remote images in conversations load only after a click. Older servers leave it out: `load`. */
  remoteImages?: 'load' | 'ask';
  /** Who can read snapshots on this viewer; `off` means none can be made. */
  snapshots?: 'public' | 'private' | 'off';
}

export const getSources = (signal?: AbortSignal) => getJson<SourcesResponse>(sourcesPath(), signal);

export const sourcesQueryOptions = () =>
  queryOptions({ queryKey: ['sources'], queryFn: ({ signal }) => getSources(signal), staleTime: Infinity });
