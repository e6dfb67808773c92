import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { sourcesPath } from '../../../shared/contract/api-paths';
import type { DemoExample, PublicSource, SourcesAnswer } from '../../../shared/contract/shapes';

export type { DemoExample };
export type SourceSummary = PublicSource;
export type SourcesResponse = SourcesAnswer;

export const getSources = (signal?: AbortSignal) => getJson<SourcesResponse>(sourcesPath(), signal);

export const sourcesQueryOptions = () =>
  queryOptions({ queryKey: ['sources'], queryFn: ({ signal }) => getSources(signal), staleTime: Infinity });
