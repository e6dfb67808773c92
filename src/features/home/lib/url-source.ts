import type { SourceSummary } from '../../sources/api/get-sources';
import type { UrlProvider } from './parse-conversation-input';
import { dashScopeKeyName, type DashScopeRegion } from '../../../shared/contract/dashscope-hosts';

const PROVIDERS = { dashscope: { name: 'DashScope', a: 'a' }, openai: { name: 'OpenAI', a: 'an' } } as const;
const REGION_NAMES: Record<DashScopeRegion, string> = { intl: 'Singapore', cn: 'Beijing', us: 'US (Virginia)', hk: 'Hong Kong' };

/** How a source of this provider (and region) is set up, in the words of the server's settings. */
function enableHint(provider: UrlProvider): string {
  if (provider.kind === 'openai') return 'Whoever runs it can set OPENAI_API_KEY and restart it.';
  return `Whoever runs it can set ${dashScopeKeyName(provider.region)} (the ${REGION_NAMES[provider.region]} region's key) and restart it.`;
}

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
  return { ok: false, message: `That is ${a} ${name} URL, but this viewer has no ${name} source set up. ${enableHint(provider)}` };
}
