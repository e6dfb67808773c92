import { describe, expect, it } from 'vitest';
import { parseSideInput } from '../../compare/lib/compare-search';
import { parseConversationInput } from './parse-conversation-input';

describe('parseConversationInput', () => {
  it.each(['conv_abc', '  conv_abc\n', '"conv_abc"', "'conv_abc'", '`conv_abc`'])('accepts the bare id %j', (raw) => {
    expect(parseConversationInput(raw)).toEqual({ ok: true, conversationId: 'conv_abc' });
  });

  it('reads the id out of an API URL, ignoring its query', () => {
    const url = 'https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1/conversations/conv_abc/items?limit=3';
    expect(parseConversationInput(url)).toEqual({ ok: true, conversationId: 'conv_abc', provider: { kind: 'dashscope', region: 'intl' } });
  });

  it('reads a hand-written link as the viewer opens it: the page prefix in any case, the source as its lower-case ID', () => {
    expect(parseConversationInput('http://127.0.0.1:5173/C/conv_abc?source=Demo#msg_1')).toEqual({ ok: true, conversationId: 'conv_abc', source: 'demo', itemId: 'msg_1' });
    expect(parseConversationInput('http://127.0.0.1:5173/S/snap_abcdefghijklmnop')).toEqual(parseConversationInput('http://127.0.0.1:5173/s/snap_abcdefghijklmnop'));
    expect(parseConversationInput('/S/snap_abcdefghijklmnop')).toEqual(parseConversationInput('/s/snap_abcdefghijklmnop'));
    expect(parseConversationInput('/s/snap_abcdefghijklmnop?order=desc#msg_1')).toEqual({ ok: true, snapshotId: 'snap_abcdefghijklmnop' });
    // A snapshot as the compare form names it.
    expect(parseConversationInput('s:snap_abcdefghijklmnop')).toEqual({ ok: true, snapshotId: 'snap_abcdefghijklmnop' });
    expect(parseConversationInput('S:snap_abcdefghijklmnop')).toEqual({ ok: true, snapshotId: 'snap_abcdefghijklmnop' });
    // A source the app writes quoted (it would read as JSON bare), and one with spaces around it.
    expect(parseConversationInput('http://127.0.0.1:5173/c/conv_abc?source=%222024%22')).toMatchObject({ source: '2024' });
    expect(parseConversationInput('http://127.0.0.1:5173/c/conv_abc?source=%20openai%20')).toMatchObject({ source: 'openai' });
  });

  it('reads source, order and item from a share link', () => {
    expect(parseConversationInput('http://127.0.0.1:5173/c/conv_abc?source=openai&order=desc#msg_1')).toEqual({
      ok: true,
      conversationId: 'conv_abc',
      source: 'openai',
      order: 'desc',
      itemId: 'msg_1',
    });
  });

  it('keeps the view a share link holds: its search, kind filter and tool', () => {
    const parsed = parseConversationInput('http://127.0.0.1:5173/c/conv_abc?source=demo&q=%22true%22&hide=tools%2Creasoning&tool=read_file&other=x');
    expect(parsed).toEqual({ ok: true, conversationId: 'conv_abc', source: 'demo', view: { q: 'true', hide: 'tools,reasoning', tool: 'read_file' } });
    // An API URL holds no view.
    expect(parseConversationInput('https://api.openai.com/v1/conversations/conv_abc/items?q=x')).not.toHaveProperty('view');
  });

  it('drops an unknown order from a share link', () => {
    expect(parseConversationInput('http://127.0.0.1:5173/c/conv_abc?order=sideways')).toEqual({ ok: true, conversationId: 'conv_abc' });
  });

  it('finds an id inside other text', () => {
    expect(parseConversationInput('please look at conv_abc123 today')).toEqual({ ok: true, conversationId: 'conv_abc123' });
  });

  it('explains that an item id is not a conversation id', () => {
    const parsed = parseConversationInput('msg_123');
    expect(parsed).toMatchObject({ ok: false, message: expect.stringMatching(/item or response ID/) });
  });

  it.each(['', '   ', '""'])('asks for an id when the input is empty (%j)', (raw) => {
    expect(parseConversationInput(raw)).toMatchObject({ ok: false, message: expect.stringMatching(/^Paste a conversation ID/) });
  });

  it('rejects garbage', () => {
    expect(parseConversationInput('hello world')).toMatchObject({ ok: false, message: expect.stringMatching(/start with conv_/) });
  });

  it.each(['conv_bad!id', 'https://example.com/c/conv_a%2Fb'])('names the invalid id in %j', (raw) => {
    expect(parseConversationInput(raw)).toMatchObject({ ok: false, message: expect.stringMatching(/is not a valid conversation ID/) });
  });

  it.each([`conv_${'a'.repeat(201)}`, `https://api.openai.com/v1/conversations/conv_${'a'.repeat(300)}/items`])('says an id of allowed characters is too long, not that its characters are wrong: %#', (raw) => {
    const parsed = parseConversationInput(raw);
    expect(parsed).toMatchObject({ ok: false, message: expect.stringMatching(/^“conv_a{55}…” is too long for a conversation ID: it has \d+ characters, and an ID has at most 205\.$/) });
    // The longest ID there can be still opens.
    expect(parseConversationInput(`conv_${'a'.repeat(200)}`)).toMatchObject({ ok: true });
  });
});

describe('badly encoded links', () => {
  it('gives a message instead of throwing on malformed percent-encoding', () => {
    expect(parseConversationInput('https://x/conversations/%/conv_abc').ok).toBe(true);
    expect(parseConversationInput('http://127.0.0.1:5173/c/conv_abc#%E0%A4%A')).toEqual({ ok: true, conversationId: 'conv_abc' });
    expect(parseConversationInput('http://127.0.0.1:5173/c/conv_abc#msg%201')).toEqual({ ok: true, conversationId: 'conv_abc' });
  });
});

describe('links developers have at hand', () => {
  it('keeps the item of an API item URL as the anchor', () => {
    expect(parseConversationInput('https://api.openai.com/v1/conversations/conv_abc/items/msg_123')).toEqual({ ok: true, conversationId: 'conv_abc', itemId: 'msg_123', provider: { kind: 'openai' } });
  });

  it('knows a DashScope URL, and its region, by the host', () => {
    expect(parseConversationInput('https://dashscope-intl.aliyuncs.com/api/v2/apps/protocols/compatible-mode/v1/conversations/conv_abc/items')).toMatchObject({
      ok: true,
      conversationId: 'conv_abc',
      provider: { kind: 'dashscope', region: 'intl' },
    });
    expect(parseConversationInput('https://dashscope.aliyuncs.com/compatible-mode/v1/conversations/conv_abc')).toMatchObject({ provider: { kind: 'dashscope', region: 'cn' } });
    // Every region's host and workspace domain, Hong Kong's host (under Beijing's domain) included.
    const regionOf = (host: string) => (parseConversationInput(`https://${host}/compatible-mode/v1/conversations/conv_abc/items`) as { provider?: { region?: string } }).provider?.region;
    expect(regionOf('cn-hongkong.dashscope.aliyuncs.com')).toBe('hk');
    expect(regionOf('dashscope-us.aliyuncs.com')).toBe('us');
    expect(regionOf('ws-1.ap-southeast-1.maas.aliyuncs.com')).toBe('intl');
    expect(regionOf('ws-1.cn-beijing.maas.aliyuncs.com')).toBe('cn');
    expect(regionOf('ws-1.us-east-1.maas.aliyuncs.com')).toBe('us');
    expect(regionOf('ws-1.cn-hongkong.maas.aliyuncs.com')).toBe('hk');
    expect(regionOf('example.com')).toBeUndefined();
  });

  it('reads the URL in a pasted command, its provider with it', () => {
    expect(parseConversationInput("curl https://api.openai.com/v1/conversations/conv_abc123/items -H 'Authorization: Bearer $KEY'")).toEqual({ ok: true, conversationId: 'conv_abc123', provider: { kind: 'openai' } });
  });

  it('refuses an ID broken by a space, which would open another conversation', () => {
    const broken = parseConversationInput('conv_68f2a91c4be08190 b3d5e27a61c40f9d');
    expect(broken.ok).toBe(false);
    expect(broken.ok ? '' : broken.message).toMatch(/^A conversation ID has no spaces/);
    // An ID in a sentence is still found.
    expect(parseConversationInput('see conv_abc123 in the logs')).toEqual({ ok: true, conversationId: 'conv_abc123' });
  });

  it('reads an ID copied with punctuation around it, or with an invisible character inside', () => {
    for (const pasted of ['(conv_abc123)', 'conv_abc123.', 'conv_abc123,', 'ID: conv_abc123.', 'conv_abc\u200b123', '[conv_abc123];', 'conv_abc123\u200e', '\u202aconv_abc123\u202c', '\u2068conv_abc123\u2069', 'conv_abc\u00ad123']) {
      expect([pasted, parseConversationInput(pasted)]).toEqual([pasted, { ok: true, conversationId: 'conv_abc123' }]);
    }
  });

  it('answers a very long paste with a long run of punctuation inside it (a pattern tried at every position took seconds)', () => {
    expect(parseConversationInput(`Contents ${'.'.repeat(100_000)} 5`)).toMatchObject({ ok: false, message: expect.stringMatching(/start with conv_/) });
  });

  it.each(['https://viewer.example.com/s/Jt3kq9', '/s/Jt3kq9', 'http://127.0.0.1:5173/s/Jt3k%C3%A9'])('says a snapshot link cut short is not whole, instead of asking for a conversation ID: %s', (raw) => {
    expect(parseConversationInput(raw)).toMatchObject({ ok: false, message: expect.stringMatching(/^That snapshot link is not whole: its ID “Jt3k[^”]*” is not one\./) });
  });

  it('opens a pasted snapshot link, whole or as a path', () => {
    expect(parseConversationInput('https://viewer.example.com/s/AbCdEfGhIjKlMnOpQrSt')).toEqual({ ok: true, snapshotId: 'AbCdEfGhIjKlMnOpQrSt' });
    expect(parseConversationInput('https://viewer.example.com/s/AbCdEfGhIjKlMnOpQrSt/')).toEqual({ ok: true, snapshotId: 'AbCdEfGhIjKlMnOpQrSt' });
    expect(parseConversationInput('/s/AbCdEfGhIjKlMnOpQrSt')).toEqual({ ok: true, snapshotId: 'AbCdEfGhIjKlMnOpQrSt' });
  });

  it('opens a pasted comparison link as the comparison, not as its first run', () => {
    const link = 'https://viewer.example.com/compare?a=conv_69c4e1a0forkedrunA&b=s%3AAbCdEfGhIjKlMnOpQrSt&a_source=openai';
    expect(parseConversationInput(link)).toEqual({ ok: true, compare: { a: 'conv_69c4e1a0forkedrunA', b: 's:AbCdEfGhIjKlMnOpQrSt', a_source: 'openai' } });
    expect(parseConversationInput('/Compare?a=conv_1&b=conv_2&source=demo')).toEqual({ ok: true, compare: { a: 'conv_1', b: 'conv_2', source: 'demo' } });
    // In a comparison's side, a comparison link is no side.
    expect(parseSideInput(link)).toBeNull();
  });

  it('explains that ChatGPT chats are not conversations of the API', () => {
    const parsed = parseConversationInput('https://chatgpt.com/c/6748a1b2-0c3d-8000-9e1f-2a3b4c5d6e7f');
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain('ChatGPT chats are not kept in the Conversations API');
  });
});
