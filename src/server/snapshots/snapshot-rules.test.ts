import { describe, expect, it } from 'vitest';
import { isOpenPath } from '../http/access-control.ts';
import { exclusionSchema, redactionSchema } from './share-rules-schema.ts';
import { createRateLimiter } from './rate-limit.ts';
import { snapshotConfigFromEnv } from './snapshot-config.ts';

describe('share rules', () => {
  it('refuses shapes it does not know, so a typo cannot silently keep private content', () => {
    expect(exclusionSchema.safeParse({ role: ['system'] }).success).toBe(false);
    expect(exclusionSchema.safeParse({ roles: 'system' }).success).toBe(false);
  });

  it('names an unknown content category or redaction kind', () => {
    const category = exclusionSchema.safeParse({ content: ['tool_outputs', 'secrets'] });
    expect(category.error?.issues[0].message).toBe("unknown content category 'secrets'; expected tool_outputs, reasoning, images or encrypted");
    const kind = redactionSchema.safeParse({ kinds: ['mail'] });
    expect(kind.error?.issues[0].message).toBe("unknown redaction kind 'mail'; expected email, phone, secret or ip");
  });

  it('caps the terms: at most 100, each at most 200 characters', () => {
    expect(redactionSchema.safeParse({ terms: Array.from({ length: 100 }, (_, index) => `t${index}`) }).success).toBe(true);
    expect(redactionSchema.safeParse({ terms: Array.from({ length: 101 }, (_, index) => `t${index}`) }).error?.issues[0].message).toBe('at most 100 terms');
    expect(redactionSchema.safeParse({ terms: ['x'.repeat(201)] }).error?.issues[0].message).toBe('a term is at most 200 characters');
  });
});

describe('rate limit', () => {
  it('allows the limit per window per client, then says when to retry', () => {
    const allow = createRateLimiter(2, 60_000);
    expect(allow('a', 0)).toEqual({ ok: true });
    expect(allow('a', 1000)).toEqual({ ok: true });
    expect(allow('a', 2000)).toEqual({ ok: false, retryAfterSeconds: 58 });
    expect(allow('b', 2000)).toEqual({ ok: true });
    expect(allow('a', 60_000)).toEqual({ ok: true });
  });

  it('is off at 0', () => {
    const allow = createRateLimiter(0);
    for (let i = 0; i < 100; i += 1) expect(allow('a').ok).toBe(true);
  });
});

describe('snapshot settings', () => {
  it('default to public snapshots in PGlite under ./data, 100,000 items, 256 MiB, 10 a minute', () => {
    expect(snapshotConfigFromEnv({})).toEqual({
      mode: 'public',
      location: { kind: 'pglite', directory: './data' },
      maxItems: 100_000,
      maxBytes: 256 * 1024 * 1024,
      ratePerMinute: 10,
    });
  });

  it('use PostgreSQL when DATABASE_URL is set, and treat empty values as unset', () => {
    const config = snapshotConfigFromEnv({ DATABASE_URL: 'postgres://u:p@db/viewer', VIEWER_SNAPSHOTS: 'private', SNAPSHOT_MAX_ITEMS: '', VIEWER_DATA_DIR: '' });
    expect(config).toMatchObject({ mode: 'private', location: { kind: 'postgres', url: 'postgres://u:p@db/viewer' }, maxItems: 100_000 });
  });

  it('stop the server with a message naming the variable, never echoing a URL that may hold a password', () => {
    expect(() => snapshotConfigFromEnv({ VIEWER_SNAPSHOTS: 'yes' })).toThrow(/^VIEWER_SNAPSHOTS is not valid/);
    expect(() => snapshotConfigFromEnv({ SNAPSHOT_MAX_ITEMS: '-5' })).toThrow(/^SNAPSHOT_MAX_ITEMS is not valid/);
    expect(() => snapshotConfigFromEnv({ DATABASE_URL: 'mysql://u:hunter2@db' })).toThrow(/^DATABASE_URL is not valid/);
    expect(() => snapshotConfigFromEnv({ DATABASE_URL: 'mysql://u:hunter2@db' })).not.toThrow(/hunter2/);
  });
});

describe('open paths with public snapshots', () => {
  it('open only a snapshot page, its read endpoints and the static files, only for GET and HEAD', () => {
    for (const path of ['/s/abc_DEF-123', '/S/abc_DEF-123', '/s/abc_DEF-123.', '/s/abc_DEF-123)%22', '/s/abc_DEF-123%3F', '/s/abc_DEF-123%2c', '/api/snapshots/abc', '/api/snapshots/abc/items', '/api/snapshots/abc/export', '/assets/index-1.js', '/favicon.svg']) {
      expect([path, isOpenPath(path, 'GET', true)]).toEqual([path, true]);
      expect([path, isOpenPath(path, 'GET', false)]).toEqual([path, false]);
    }
    for (const path of ['/api/snapshots', '/api/snapshots/', '/api/sources', '/', '/c/conv_1', '/s/a/../../api/sources', '/api/snapshots/abc/other', '/s/a%2Fb', '/API/snapshots/abc', '/C/conv_1', '/api/snapshots/abc.', '/s/abc.x']) {
      expect([path, isOpenPath(path, 'GET', true)]).toEqual([path, false]);
    }
    expect(isOpenPath('/api/snapshots/abc', 'DELETE', true)).toBe(false);
    expect(isOpenPath('/healthz')).toBe(true);
  });

  it('open a comparison page only when both its sides are snapshots', () => {
    expect(isOpenPath('/compare', 'GET', true, '?a=s:abc_DEF-123&b=s:xyz')).toBe(true);
    // In any case, as the app's router matches it.
    expect(isOpenPath('/Compare', 'GET', true, '?a=s:abc_DEF-123&b=s:xyz')).toBe(true);
    expect(isOpenPath('/Compare/x', 'GET', true, '?a=s:abc_DEF-123&b=s:xyz')).toBe(false);
    expect(isOpenPath('/compare', 'GET', false, '?a=s:abc&b=s:xyz')).toBe(false);
    for (const query of ['?a=s:abc&b=conv_1', '?a=s:abc', '?a=file&b=s:abc', '?a=s:a/b&b=s:xyz', '']) {
      expect([query, isOpenPath('/compare', 'GET', true, query)]).toEqual([query, false]);
    }
    expect(isOpenPath('/c/conv_1', 'GET', true, '?a=s:abc&b=s:xyz')).toBe(false);
  });
});
