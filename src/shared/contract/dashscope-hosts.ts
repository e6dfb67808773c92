/** Model Studio's regions: Singapore, Beijing, US (Virginia) and Hong Kong (China). */
export const DASHSCOPE_REGIONS = ['intl', 'cn', 'us', 'hk'] as const;
export type DashScopeRegion = (typeof DASHSCOPE_REGIONS)[number];

// Model Studio's "Base URL overview" (DashScope domain, OpenAI-compatible column) and its workspace-dedicated domains:
// the server reads a region's source there, and the browser tells a pasted URL's region by them.
export const DASHSCOPE_HOSTS: Record<DashScopeRegion, string> = {
  intl: 'dashscope-intl.aliyuncs.com',
  cn: 'dashscope.aliyuncs.com',
  us: 'dashscope-us.aliyuncs.com',
  hk: 'cn-hongkong.dashscope.aliyuncs.com',
};
export const DASHSCOPE_WORKSPACE_DOMAINS: Record<DashScopeRegion, string> = {
  intl: 'ap-southeast-1.maas.aliyuncs.com',
  cn: 'cn-beijing.maas.aliyuncs.com',
  us: 'us-east-1.maas.aliyuncs.com',
  hk: 'cn-hongkong.maas.aliyuncs.com',
};

/** The environment variable of a region's key. */
export const dashScopeKeyName = (region: DashScopeRegion) => `DASHSCOPE_${region.toUpperCase()}_API_KEY`;

// Longest first, so Hong Kong's host (under Beijing's domain) is read as Hong Kong's.
const BY_LENGTH = [...DASHSCOPE_REGIONS].sort((a, b) => DASHSCOPE_HOSTS[b].length - DASHSCOPE_HOSTS[a].length);

/**
 * The region a host belongs to: its DashScope host, a subdomain of it, or a workspace's host on its domain
 * (`{WorkspaceId}.ap-southeast-1.maas.aliyuncs.com`); null for any other host.
 */
export function dashScopeRegionOfHost(host: string): DashScopeRegion | null {
  const name = host.toLowerCase();
  return (
    BY_LENGTH.find((region) => name === DASHSCOPE_HOSTS[region] || name.endsWith(`.${DASHSCOPE_HOSTS[region]}`)) ??
    DASHSCOPE_REGIONS.find((region) => name.endsWith(`.${DASHSCOPE_WORKSPACE_DOMAINS[region]}`)) ??
    null
  );
}
