import { DASHSCOPE_HOSTS as HOSTS, DASHSCOPE_REGIONS, dashScopeRegionOfHost, DASHSCOPE_WORKSPACE_DOMAINS as WORKSPACE_DOMAINS, type DashScopeRegion } from '../../shared/contract/dashscope-hosts.ts';

export { DASHSCOPE_REGIONS, type DashScopeRegion };

/** The path DashScope's Conversations documentation gives today, and the one it calls "soon deprecated". */
export const DASHSCOPE_PATH = '/compatible-mode/v1';
export const DASHSCOPE_LEGACY_PATH = '/api/v2/apps/protocols/compatible-mode/v1';

export const DASHSCOPE_LABELS: Record<DashScopeRegion, string> = {
  intl: 'DashScope (Singapore)',
  cn: 'DashScope (Beijing)',
  us: 'DashScope (Virginia)',
  hk: 'DashScope (Hong Kong)',
};

/**
 * What a DashScope source reads from: the region whose host or workspace domain the URL names, or else the host
 * itself, so that a US or custom URL is never shown as the region it was configured under.
 */
export function dashScopeLabel(region: DashScopeRegion, baseUrl?: string): string {
  if (!baseUrl) return DASHSCOPE_LABELS[region];
  let host: string;
  try {
    host = new URL(baseUrl).host;
  } catch {
    return 'DashScope (custom URL)';
  }
  const named = dashScopeRegionOfHost(host);
  return named ? DASHSCOPE_LABELS[named] : `DashScope (${host})`;
}

/** A workspace ID becomes a DNS label of the host name. */
export const WORKSPACE_ID_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export interface DashScopeUrls {
  baseUrl: string;
  /** The same host under the other path, tried once when the first answers 404. */
  altBaseUrl?: string;
}

function withOtherPath(url: string): string | undefined {
  if (url.endsWith(DASHSCOPE_LEGACY_PATH)) return `${url.slice(0, -DASHSCOPE_LEGACY_PATH.length)}${DASHSCOPE_PATH}`;
  if (url.endsWith(DASHSCOPE_PATH)) return `${url.slice(0, -DASHSCOPE_PATH.length)}${DASHSCOPE_LEGACY_PATH}`;
  return undefined;
}

/**
 * Where a DashScope source is read: the workspace domain when a workspace ID is set, else the region's host,
 * under the current path; a base URL that is given is used as it is. Either way the other path is the fallback.
 */
export function dashScopeUrls(region: DashScopeRegion, workspaceId?: string, baseUrl?: string): DashScopeUrls {
  const host = workspaceId ? `${workspaceId}.${WORKSPACE_DOMAINS[region]}` : HOSTS[region];
  const primary = baseUrl ?? `https://${host}${DASHSCOPE_PATH}`;
  const alt = withOtherPath(primary);
  return alt ? { baseUrl: primary, altBaseUrl: alt } : { baseUrl: primary };
}
