import type { SourceSummary } from '../../sources/api/get-sources';
import type { UrlProvider } from './parse-conversation-input';

const PROVIDERS = { dashscope: { name: 'DashScope', a: 'a' }, openai: { name: 'OpenAI', a: 'an' } } as const;
const ENABLE_HINTS = {
  dashscope: 'Whoever runs it can set DASHSCOPE_API_KEY (DASHSCOPE_CN_API_KEY for the China region) and restart it.',
  openai: 'Whoever runs it can set OPENAI_API_KEY and restart it.',
} as const;

export type UrlSource = { ok: true; source: SourceSummary } | { ok: false; message: string };

/**
 * The configured source a pasted API URL belongs to (a DashScope URL prefers the source of its region), or what to
 * tell the reader when this viewer has none of its provider: the conversation is not in any other source.
 */
export function sourceForUrl(provider: UrlProvider, sources: readonly SourceSummary[]): UrlSource {
  const matching = sources.filter((candidate) => candidate.kind === provider.kind);
  const found = provider.kind === 'dashscope' ? (matching.find((candidate) => candidate.id.endsWith(`-${provider.region}`)) ?? matching[0]) : matching[0];
  if (found) return { ok: true, source: found };
  const { name, a } = PROVIDERS[provider.kind];
  return { ok: false, message: `That is ${a} ${name} URL, but this viewer has no ${name} source set up. ${ENABLE_HINTS[provider.kind]}` };
}
