import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { describeApiError, describeStoppedLoading } from './describe-api-error';

const describeFailure = (status: number, code: string | null = null, retryAfterSeconds: number | null = null) =>
  describeApiError(new ApiError('the server said so', { status, code, retryAfterSeconds }), { sourceLabel: 'OpenAI', conversationId: 'conv_x' });

describe('describeApiError gives each upstream fault its own title', () => {
  it.each([
    [400, null, 'The request was rejected'],
    // The viewer's own checks of a request are not the source's refusal.
    [400, 'invalid_request', 'The viewer refused the request'],
    [400, 'invalid_parameter', 'The viewer refused the request'],
    [401, null, 'The API key was rejected'],
    [403, null, 'Access denied'],
    [404, null, 'Conversation not found'],
    [500, null, 'OpenAI had a problem (HTTP 500)'],
    [502, null, 'OpenAI had a problem (HTTP 502)'],
    [503, null, 'OpenAI had a problem (HTTP 503)'],
    [504, 'upstream_timeout', 'OpenAI timed out'],
    [502, 'upstream_unreachable', 'OpenAI is unreachable'],
    [502, 'upstream_connection_reset', 'OpenAI dropped the connection'],
    [502, 'upstream_not_json', 'Not a JSON response'],
    [502, 'upstream_truncated', 'Incomplete response'],
    [502, 'upstream_malformed', 'Malformed response'],
    [502, 'upstream_too_large', 'Response too large'],
    // A repeated cursor, a repeated page, or the most pages the viewer reads: not only an ignored cursor.
    [502, 'upstream_paging_loop', 'OpenAI’s pages did not end'],
    [401, 'unauthorized', 'Sign-in required'],
    [429, 'insufficient_quota', 'Out of quota'],
    [503, 'viewer_busy', 'The viewer is busy'],
    [413, 'snapshot_too_many_items', 'Too large for a snapshot'],
    [413, 'snapshot_too_large', 'Too large for a snapshot'],
    [429, 'rate_limited', 'Too many snapshots at once'],
    [503, 'store_unavailable', 'Snapshots are unavailable right now'],
  ])('%i %s → %s', (status, code, title) => {
    const description = describeFailure(status, code);
    expect(description.title).toBe(title);
    expect(description.detail).toBe('the server said so');
  });

  it("says a snapshot is not found once (the server's sentence says the same), and offers no retry", () => {
    const error = new ApiError('There is no snapshot with this link. Check that it was copied whole.', { status: 404, code: 'snapshot_not_found' });
    expect(describeApiError(error)).toMatchObject({ title: 'Snapshot not found', detail: '', final: true });
  });

  it('says snapshots are turned off once, and offers no retry, which cannot turn them on', () => {
    const error = new ApiError('Snapshots are turned off on this viewer (VIEWER_SNAPSHOTS=off).', { status: 404, code: 'snapshots_disabled' });
    expect(describeApiError(error)).toMatchObject({ title: 'Snapshots are turned off', detail: '', final: true });
  });

  it('says a snapshot was revoked once, with a readable date, and offers no retry', () => {
    const error = new ApiError('This snapshot was revoked on 2026-12-04T13:50:12.345Z: whoever shared it took it back.', { status: 410, code: 'snapshot_revoked' });
    const description = describeApiError(error);
    expect(description).toMatchObject({ title: 'This snapshot was revoked', detail: '', final: true });
    expect(description.hint).toMatch(/^Whoever shared it took it back on 2026-12-0\d \d\d:50 UTC\S* and its content was deleted\./);
    vi.stubEnv('TZ', 'Asia/Tokyo');
    expect(describeApiError(new ApiError('This snapshot expired on 2027-01-02T00:00:00.000Z.', { status: 410, code: 'snapshot_expired' })).hint).toContain('which ended on 2027-01-02 09:00 UTC+9');
    vi.unstubAllEnvs();
  });

  it('opens a sentence with a capital where no source is named (the Share dialog, the Snapshots page), and keeps a named source as written', () => {
    const failure = (status: number, code: string | null = null, retryAfterSeconds: number | null = null) => describeApiError(new ApiError('said so', { status, code, retryAfterSeconds }));
    expect(failure(401).hint).toMatch(/^The source did not accept the server’s API key\./);
    expect(failure(429, null, 20).hint).toBe('The source asks to wait 20 seconds before retrying.');
    expect(failure(500).title).toBe('The source had a problem (HTTP 500)');
    expect(failure(504, 'upstream_timeout').title).toBe('The source timed out');
    expect(failure(502, 'upstream_not_json').hint).toMatch(/^The source answered with a page/);
    expect(describeStoppedLoading(failure(504, 'upstream_timeout'), 40).title).toBe('Loading stopped after 40 items: the source timed out');
    expect(describeApiError(new ApiError('said so', { status: 401 }), { sourceLabel: 'test' }).hint).toMatch(/^test did not accept/);
  });

  it('says how long a rate limit asks to wait', () => {
    expect(describeFailure(429, 'rate_limit_exceeded', 120)).toMatchObject({ title: 'Rate limited', hint: expect.stringContaining('wait 120 seconds') });
  });

  it('says a 404 or 403 that came as a page (a gateway, a wrong base URL) is not the API saying the conversation is missing', () => {
    const page = (status: number, statusText: string) =>
      describeApiError(new ApiError(`HTTP ${status} ${statusText}: Not Found The requested URL was not found on this server.`, { status }), { sourceLabel: 'OpenAI', conversationId: 'conv_x' });
    expect(page(404, 'Not Found')).toMatchObject({ title: 'OpenAI answered HTTP 404 with a page, not an API error', hint: expect.stringContaining('base URL'), final: true });
    expect(page(403, 'Forbidden').title).toBe('OpenAI answered HTTP 403 with a page, not an API error');
    for (const message of ['HTTP 404 Not Found (nginx)', 'HTTP 404 Not Found (a page saying only that)']) {
      expect(describeApiError(new ApiError(message, { status: 404 })).title).toBe('The source answered HTTP 404 with a page, not an API error');
    }
    // The API's own answers keep their titles, and so does a page that asks to wait.
    expect(describeFailure(404).title).toBe('Conversation not found');
    expect(describeApiError(new ApiError('HTTP 404 Not Found', { status: 404 })).title).toBe('Conversation not found');
    expect(page(429, 'Too Many Requests').title).toBe('Rate limited');
  });

  it('asks for no wait of 0 seconds when Retry-After is 0 or a date already past', () => {
    const description = describeFailure(429, null, 0);
    expect(description.hint).toBe('OpenAI is limiting requests. Wait a little, then retry.');
    expect(description.waitSeconds).toBeUndefined();
    expect(describeFailure(429, 'rate_limited', 0).hint).toBe('Wait a minute, then try again.');
  });
});

describe('an ID that is not a conversation ID', () => {
  it('is told what one looks like in a sentence that ends once, not with an ellipsis run into a full stop', () => {
    const { hint } = describeFailure(400, 'invalid_conversation_id');
    expect(hint).not.toMatch(/…\./);
    expect(hint).toBe('Conversation IDs start with conv_, then letters and digits. Check the link or paste the ID again.');
  });

  it("is told the home form's specific reason for a link's ID: too long, an item's ID, characters an ID cannot have", () => {
    const invalid = (conversationId: string) => describeApiError(new ApiError('not an ID', { status: 400, code: 'invalid_conversation_id' }), { conversationId });
    const tooLong = invalid(`conv_${'a'.repeat(5000)}`);
    expect(tooLong).toMatchObject({ title: 'That is not a conversation ID', hint: `“conv_${'a'.repeat(55)}…” is too long for a conversation ID: it has 5005 characters, and an ID has at most 205.`, final: true });
    // The hint says it all: the page's own sentence is not repeated under it.
    expect(tooLong.detail).toBe('');
    expect(invalid('msg_7639f8f6').hint).toBe('That looks like an item or response ID. Paste the conversation ID; it starts with conv_.');
    expect(invalid('conv_a!b').hint).toBe('“conv_a!b” is not a valid conversation ID: after conv_ come only letters, digits, _ and -.');
    expect(invalid('conv_ab cd').hint).toMatch(/^A conversation ID has no spaces/);
    // Nothing this reader recognises: what an ID looks like, and the page's own sentence.
    expect(invalid('hello')).toMatchObject({ hint: 'Conversation IDs start with conv_, then letters and digits. Check the link or paste the ID again.', detail: 'not an ID' });
  });
});

describe('a snapshot link whose ID cannot be one', () => {
  it('is told so as the home form tells it, not as a snapshot that does not exist', () => {
    const description = describeApiError(new ApiError('not a snapshot ID', { status: 404, code: 'snapshot_not_found' }), { snapshotId: 'abc' });
    expect(description).toEqual({
      title: 'That is not a snapshot link',
      hint: 'That snapshot link is not whole: its ID “abc” is not one. Snapshot IDs are 16 to 64 letters, digits, _ or -; copy the link again.',
      detail: '',
      final: true,
    });
    // A well-formed one that no snapshot has is not found.
    expect(describeApiError(new ApiError('gone', { status: 404, code: 'snapshot_not_found' }), { snapshotId: 'AAAAAAAAAAAAAAAAAAAAAAAA' }).title).toBe('Snapshot not found');
  });
});

describe('the provider request id', () => {
  it('is kept in the detail, for support', () => {
    const error = new ApiError('Rate limit reached', { status: 429, requestId: 'req_abc123' });
    expect(describeApiError(error).detail).toBe('Rate limit reached (request id req_abc123)');
  });
});

describe('a conversation that does not exist', () => {
  it('is final, so Retry is not the main action, and names DashScope only for DashScope', () => {
    const missing = new ApiError('not found', { status: 404, code: null, retryAfterSeconds: null });
    const demo = describeApiError(missing, { sourceLabel: 'Demo', conversationId: 'conv_x' });
    expect(demo.final).toBe(true);
    expect(demo.hint).not.toContain('DashScope');
    expect(describeApiError(missing, { sourceLabel: 'DashScope (Singapore)' }).hint).toContain('DashScope keeps conversations for 7 days');
    expect(describeFailure(503).final).toBeUndefined();
  });
});

describe('describeStoppedLoading', () => {
  it("keeps the source's name and an acronym as they are written when a later page fails", () => {
    const failure = describeFailure(500);
    expect(describeStoppedLoading(failure, 1975, 'OpenAI').title).toBe('Loading stopped after 1,975 items: OpenAI had a problem (HTTP 500)');
    expect(describeStoppedLoading(describeFailure(429), 200, 'OpenAI').title).toBe('Loading stopped after 200 items: rate limited');
    const dashScope = describeApiError(new ApiError('slow', { status: 504, code: 'upstream_timeout' }), { sourceLabel: 'DashScope (Singapore)' });
    expect(describeStoppedLoading(dashScope, 300, 'DashScope (Singapore)').title).toBe('Loading stopped after 300 items: DashScope (Singapore) timed out');
  });
});
