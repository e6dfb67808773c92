import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { demoExamplesPath } from '../../../shared/contract/api-paths';
import type { DemoExamplesAnswer } from '../../../shared/contract/shapes';

export const demoExamplesQueryOptions = () =>
  queryOptions({ queryKey: ['demo-examples'], queryFn: ({ signal }) => getJson<DemoExamplesAnswer>(demoExamplesPath(), signal), staleTime: Infinity });
