export type DashScopeRegion = 'intl' | 'cn';

/** The path DashScope's Conversations documentation gives today, and the one it calls "soon deprecated". */
export const DASHSCOPE_PATH = '/compatible-mode/v1';
export const DASHSCOPE_LEGACY_PATH = '/api/v2/apps/protocols/compatible-mode/v1';

const HOSTS: Record<DashScopeRegion, string> = { intl: 'dashscope-intl.aliyuncs.com', cn: 'dashscope.aliyuncs.com' };
const WORKSPACE_DOMAINS: Record<DashScopeRegion, string> = { intl: 'ap-southeast-1.maas.aliyuncs.com', cn: 'cn-beijing.maas.aliyuncs.com' };

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
