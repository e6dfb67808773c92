import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../../lib/api-client';
import { conversationPath } from '../../../shared/contract/api-paths';
import type { Conversation } from '../types';

export const getConversation = (source: string, conversationId: string, signal?: AbortSignal) =>
  getJson<Conversation>(conversationPath(source, conversationId), signal);

export const conversationQueryOptions = (source: string, conversationId: string) =>
  queryOptions({
    queryKey: ['conversations', source, conversationId],
    queryFn: ({ signal }) => getConversation(source, conversationId, signal),
  });
