import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { accessFromEnv, isAuthorized, MAX_AUTHORIZATION_LENGTH, parseAuthorization } from './access-control.ts';

const access = accessFromEnv({ VIEWER_PASSWORD: 'pw-0123456789', VIEWER_TOKEN: 'token-0123456789' })!;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('the Authorization header', () => {
  it('reads both schemes, in any case, with spaces around the credentials', () => {
    expect(isAuthorized(access, 'Bearer token-0123456789')).toBe(true);
    expect(isAuthorized(access, 'bearer   token-0123456789 \t')).toBe(true);
    expect(isAuthorized(access, basic('anyone', 'pw-0123456789'))).toBe(true);
    expect(isAuthorized(access, 'BASIC ' + Buffer.from('x:pw-0123456789').toString('base64'))).toBe(true);
    expect(parseAuthorization('Bearer')).toBeNull();
    expect(parseAuthorization('Bearer    ')).toBeNull();
    expect(parseAuthorization('Digest abc')).toBeNull();
    expect(parseAuthorization('Bearer a b')).toEqual({ scheme: 'bearer', credentials: 'a b' });
  });

  it('costs next to nothing on a long run of spaces, which once made a regex backtrack for tens of ms', () => {
    const hostile = `Bearer x${' '.repeat(5_000)}y`;
    const started = performance.now();
    for (let round = 0; round < 50; round += 1) expect(isAuthorized(access, hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a header longer than the cap before looking at it', () => {
    const padded = `Bearer token-0123456789${' '.repeat(MAX_AUTHORIZATION_LENGTH)}`;
    expect(parseAuthorization(padded)).toBeNull();
    expect(isAuthorized(access, padded)).toBe(false);
  });
});
