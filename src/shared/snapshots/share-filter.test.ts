import { describe, expect, it } from 'vitest';
import { ShareFilter, type ShareRules } from './share-filter.ts';

type Item = { type: string; id?: string; [field: string]: unknown };

function share(items: Item[], rules: ShareRules) {
  const filter = new ShareFilter(rules);
  const kept = items.map((item) => filter.item(structuredClone(item))).filter((item) => item !== null);
  return { kept, text: JSON.stringify(kept), manifest: filter.manifest(), filter };
}

const PNG = `data:image/png;base64,${'iVBORw0KGgo'.repeat(40)}`;

const RUN: Item[] = [
  { id: 'msg_1', type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: 'Look at this' }, { type: 'input_image', detail: 'auto', image_url: PNG }] },
  { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'list_runs', arguments: '{"repo":"acme/app"}', status: 'completed' },
  { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: 'run 41 failed: SECRET-OUTPUT-1' },
  { id: 'mcp_1', type: 'mcp_call', server_label: 'git', name: 'log', arguments: '{"n":3}', output: 'commit abc SECRET-OUTPUT-2', error: null },
  { id: 'mcp_2', type: 'mcp_call', server_label: 'git', name: 'push', arguments: '{}', output: null, error: { type: 'tool_execution_error', message: 'SECRET-OUTPUT-3' } },
  { id: 'fs_1', type: 'file_search_call', queries: ['error log'], status: 'completed', results: [{ file_id: 'f1', text: 'line SECRET-OUTPUT-4' }] },
  { id: 'ci_1', type: 'code_interpreter_call', code: 'print(1)', container_id: 'c1', status: 'completed', outputs: [{ type: 'logs', logs: 'SECRET-OUTPUT-5' }] },
  { id: 'ig_1', type: 'image_generation_call', status: 'completed', revised_prompt: 'a cat', result: 'iVBORw0KGgoSECRET-OUTPUT-6' },
  { id: 'ws_1', type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'acme', sources: [{ type: 'url', url: 'https://SECRET-OUTPUT-7.example' }] } },
  { id: 'sh_1', type: 'shell_call', call_id: 'call_2', status: 'completed', action: { commands: ['ls'] } },
  { id: 'sho_1', type: 'shell_call_output', call_id: 'call_2', output: [{ stdout: 'SECRET-OUTPUT-8', stderr: '', outcome: { type: 'exit', exit_code: 1 } }] },
  { id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'SECRET-REASONING-1' }], content: [{ type: 'reasoning_text', text: 'SECRET-REASONING-2' }], encrypted_content: 'gAAAA-SECRET-CIPHER-1' },
  { id: 'cmp_1', type: 'compaction', encrypted_content: 'gAAAA-SECRET-CIPHER-2' },
  { id: 'msg_2', type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: 'Done', annotations: [] }] },
];

describe('leaving out content', () => {
  it('tool outputs: output items and the results calls hold, wherever they sit; the calls stay readable', () => {
    const { kept, text, manifest } = share(RUN, { exclude: { content: ['tool_outputs'] } });
    expect(text).not.toMatch(/SECRET-OUTPUT/);
    expect(kept.map((item) => item.id)).not.toContain('fco_1');
    expect(kept.map((item) => item.id)).not.toContain('sho_1');
    const call = kept.find((item) => item.id === 'fc_1')!;
    expect(call).toMatchObject({ name: 'list_runs', arguments: '{"repo":"acme/app"}' });
    expect(kept.find((item) => item.id === 'mcp_1')).toMatchObject({ name: 'log', arguments: '{"n":3}', output: null });
    expect(kept.find((item) => item.id === 'ws_1')).toMatchObject({ action: { type: 'search', query: 'acme' } });
    expect(manifest.left_out.tool_outputs).toBe(8);
    expect(text).toContain('SECRET-REASONING-1');
  });

  it('keeps the original run summary, failures included, though the outputs that showed them are gone', () => {
    const { manifest } = share(RUN, { exclude: { content: ['tool_outputs'] } });
    expect(manifest.original).toEqual({ items: 14, messages: 2, tool_calls: 8, reasoning: 2, failures: 2 });
  });

  it('counts the tool calls of the original run as the viewer does: an output whose call is not there is one, read from either end', () => {
    const orphan: Item = { id: 'fco_9', type: 'function_call_output', call_id: 'call_gone', output: 'answer to a deleted call' };
    const again: Item = { id: 'fc_2', type: 'function_call', call_id: 'call_1', name: 'list_runs', arguments: '{}' };
    const withOthers = [orphan, ...RUN, again];
    expect(share(withOthers, {}).manifest.original.tool_calls).toBe(10);
    // Pages come from both ends: the newest half is read backwards.
    const backwards = [...withOthers.slice(0, 8), ...withOthers.slice(8).reverse()];
    expect(share(backwards, {}).manifest.original.tool_calls).toBe(10);
  });

  it('reasoning: summaries and content of reasoning items, which stay as items', () => {
    const { kept, text, manifest } = share(RUN, { exclude: { content: ['reasoning'] } });
    expect(text).not.toMatch(/SECRET-REASONING|SECRET-CIPHER-1/);
    expect(kept.find((item) => item.id === 'rs_1')).toMatchObject({ summary: [] });
    expect(manifest.left_out.reasoning).toBe(1);
  });

  it('images: image parts, generated images and data URLs inside other text', () => {
    const withEmbedded = [...RUN, { id: 'fco_2', type: 'function_call_output', call_id: 'call_9', output: `{"shot":"${PNG}"}` }];
    const { kept, text, manifest } = share(withEmbedded, { exclude: { content: ['images'] } });
    expect(text).not.toContain('iVBORw0KGgo');
    expect(kept[0].content).toEqual([{ type: 'input_text', text: 'Look at this' }, { type: 'input_image', detail: 'auto' }]);
    expect(kept.find((item) => item.id === 'fco_2')!.output).toBe('{"shot":"[image left out]"}');
    expect(manifest.left_out.images).toBe(3);
  });

  it('encrypted: every encrypted_content', () => {
    const { text, manifest } = share(RUN, { exclude: { content: ['encrypted'] } });
    expect(text).not.toMatch(/SECRET-CIPHER/);
    expect(text).toContain('SECRET-REASONING-1');
    expect(manifest.left_out.encrypted).toBe(2);
  });

  it('whole items by role, type and ID still count in the original summary', () => {
    const { kept, manifest } = share(RUN, { exclude: { roles: ['user'], types: ['compaction'], item_ids: ['ws_1'] } });
    expect(kept).toHaveLength(11);
    expect(manifest.left_out.items).toBe(3);
    expect(manifest.original.items).toBe(14);
  });

  it('an unknown output type is left out with the tool outputs', () => {
    const { kept } = share([{ id: 'x1', type: 'future_tool_output', call_id: 'c', output: 'SECRET' }], { exclude: { content: ['tool_outputs'] } });
    expect(kept).toHaveLength(0);
  });

  it('survives items nested far deeper than the stack allows', () => {
    let deep: unknown = 'alice@example.com';
    for (let level = 0; level < 20_000; level += 1) deep = { next: deep };
    const filter = new ShareFilter({ exclude: { content: ['images', 'encrypted'] }, redact: { kinds: ['email'] } });
    const item = filter.item({ id: 'deep', type: 'function_call_output', call_id: 'c', output: deep })!;
    let value: unknown = item.output;
    while (value && typeof value === 'object') value = (value as { next: unknown }).next;
    expect(value).toBe('[EMAIL_1]');
  });
});

describe('replacing personal data and secrets', () => {
  it('numbers each distinct value in order of first appearance, the same in every item', () => {
    const items: Item[] = [
      { id: 'm1', type: 'message', role: 'user', content: 'Mail bob@example.com, then Alice@Example.com' },
      { id: 'f1', type: 'function_call', call_id: 'c1', name: 'send', arguments: '{"to":"alice@example.com","cc":"bob@example.com"}' },
      { id: 'o1', type: 'function_call_output', call_id: 'c1', output: 'sent to BOB@example.com' },
    ];
    const { kept } = share(items, { redact: { kinds: ['email'] } });
    expect(kept[0].content).toBe('Mail [EMAIL_1], then [EMAIL_2]');
    expect(kept[1].arguments).toBe('{"to":"[EMAIL_2]","cc":"[EMAIL_1]"}');
    expect(kept[2].output).toBe('sent to [EMAIL_1]');
  });

  it('takes an address whole as Markdown escapes it, so nothing of it stays before its pseudonym', () => {
    const { kept } = share(
      [{ id: 'm', type: 'message', role: 'assistant', content: 'Write to jane\\_doe@example.com or jane_doe@example.com, or C:\\mail\\bob@example.com' }],
      { redact: { kinds: ['email'] } },
    );
    expect(kept[0].content).toBe('Write to [EMAIL_1] or [EMAIL_1], or C:\\mail\\[EMAIL_2]');
  });

  it('finds values split by JSON escapes inside arguments', () => {
    const items: Item[] = [{ id: 'f1', type: 'function_call', call_id: 'c1', name: 'send', arguments: '{"to":"carol\\u0040example.com","ip":"10.0.0.\\u0037"}' }];
    const { kept, manifest } = share(items, { redact: { kinds: ['email', 'ip'] } });
    expect(kept[0].arguments).toBe('{"to":"[EMAIL_1]","ip":"[IP_1]"}');
    expect(manifest.replaced).toEqual({ email: 1, ip: 1 });
  });

  it('phones with a country code or the 555-123-4567 shape, not IDs or timestamps', () => {
    const { kept } = share([{ id: 'm', type: 'message', content: 'Call +44 20 7946 0958 or (555) 123-4567 or 555.123.4567; run 1733312345, 2026-12-04' }], {
      redact: { kinds: ['phone'] },
    });
    expect(kept[0].content).toBe('Call [PHONE_1] or [PHONE_2] or [PHONE_2]; run 1733312345, 2026-12-04');
  });

  it('secrets of the common shapes', () => {
    const secrets = [
      'sk-proj-abcdefghijklmnopqrstuvwxyz012345',
      'sk-0123456789abcdef0123456789abcdef',
      'AKIAIOSFODNN7EXAMPLE',
      'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB',
      'xoxb-1234567890-abcdefghij',
      'AIzaSyA-0123456789abcdefghijklmnopqrstu',
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
    ];
    const { kept, manifest } = share(
      [{ id: 'm', type: 'message', content: `${secrets.join(' and ')}; Authorization: Bearer abcdefghijklmnop1234; password=hunter22; the task-force met` }],
      { redact: { kinds: ['secret'] } },
    );
    const content = kept[0].content as string;
    for (const secret of secrets) expect(content).not.toContain(secret);
    expect(content).toContain('Bearer [SECRET_8]');
    expect(content).toContain('password=[SECRET_9]');
    expect(content).toContain('the task-force met');
    expect(manifest.replaced.secret).toBe(9);
  });

  it('secrets assigned to names in any letter case and with a prefix, as environment variables and config keys have them', () => {
    const env = 'PASSWORD=hunter22\nexport DB_PASSWORD="s3cretPass"\nGITHUB_TOKEN=abc123def456\nAWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG\nSTRIPE_API_KEY: live99key88\nmax_tokens=4096\nTOKENS=12';
    const { kept, text } = share(
      [
        { id: 'o', type: 'function_call_output', call_id: 'c1', output: env },
        { id: 'f', type: 'function_call', call_id: 'c2', name: 'connect', arguments: '{"db_admin_password":"p4ssw0rd!","aws_secret_access_key":"wJalrXUtnFEMI/K7MDENG"}' },
      ],
      { redact: { kinds: ['secret'] } },
    );
    expect(text).not.toMatch(/hunter22|s3cretPass|abc123def456|wJalrXUtnFEMI|live99key88|p4ssw0rd/);
    expect(kept[0].output).toBe('PASSWORD=[SECRET_1]\nexport DB_PASSWORD="[SECRET_2]"\nGITHUB_TOKEN=[SECRET_3]\nAWS_SECRET_ACCESS_KEY=[SECRET_4]\nSTRIPE_API_KEY: [SECRET_5]\nmax_tokens=4096\nTOKENS=12');
    expect(JSON.parse(kept[1].arguments as string)).toEqual({ db_admin_password: '[SECRET_6]', aws_secret_access_key: '[SECRET_4]' });
  });

  it("Basic credentials, a URL's password and an Authorization header's value; prose that says basic stays", () => {
    const { kept, text } = share(
      [
        { id: 'sh', type: 'local_shell_call', call_id: 'c1', action: { type: 'exec', command: ['curl', '-H', 'Authorization: Basic YWRtaW46aHVudGVyMg==', 'https://api.example/'] } },
        { id: 'o', type: 'function_call_output', call_id: 'c2', output: 'DATABASE_URL=postgres://app:hunter22pw@localhost:5432/app and redis://:r3d1s@cache:6379' },
        { id: 'f', type: 'function_call', call_id: 'c3', name: 'fetch', arguments: '{"headers":{"Authorization":"Basic YWRtaW46aHVudGVyMg=="}}' },
        { id: 'm', type: 'message', role: 'user', content: 'Basic information about https://docs.example/ and user@example.com' },
      ],
      { redact: { kinds: ['secret'] } },
    );
    expect(text).not.toMatch(/YWRtaW46aHVudGVyMg|hunter22pw|r3d1s/);
    expect(kept[0].action).toMatchObject({ command: ['curl', '-H', 'Authorization: Basic [SECRET_1]', 'https://api.example/'] });
    expect(kept[1].output).toBe('DATABASE_URL=postgres://app:[SECRET_2]@localhost:5432/app and redis://:[SECRET_3]@cache:6379');
    expect(JSON.parse(kept[2].arguments as string)).toEqual({ headers: { Authorization: '[SECRET_4]' } });
    expect(kept[3].content).toBe('Basic information about https://docs.example/ and user@example.com');
  });

  it('IP addresses, v4 and v6, not version numbers of the wrong shape or clock times', () => {
    const { kept } = share([{ id: 'm', type: 'message', content: 'from 192.168.1.20 and 2001:db8::8a2e:370:7334 at 12:30:45, v1.2' }], { redact: { kinds: ['ip'] } });
    expect(kept[0].content).toBe('from [IP_1] and [IP_2] at 12:30:45, v1.2');
    // An IPv4 address written as IPv6 loses all of its address.
    expect(share([{ id: 'm', type: 'message', content: 'peer ::ffff:10.20.30.40' }], { redact: { kinds: ['ip'] } }).kept[0].content).toBe('peer ::ffff:[IP_1]');
  });

  it('email addresses with accented or non-Latin letters, and an address that Japanese text runs into', () => {
    const { kept, manifest } = share([{ id: 'm', type: 'message', content: 'Write to josé.núñez@example.com, info@bücher.de or почта@пример.рф. メールはtaro@example.jpまで' }], { redact: { kinds: ['email'] } });
    expect(kept[0].content).toBe('Write to [EMAIL_1], [EMAIL_2] or [EMAIL_3]. メールは[EMAIL_4]まで');
    expect(manifest.replaced).toEqual({ email: 4 });
  });

  it('email addresses in Chinese and Japanese script, and at internationalised domains, without taking ordinary text', () => {
    const content = '邮箱：用户@例子.公司。ユーザー@例え.jpまで、taro＠例え.jp、info@例子.公司、사용자@예시.한국; a @ b, @Override, ランチ@渋谷, user@host';
    const { kept, manifest } = share([{ id: 'm', type: 'message', content }], { redact: { kinds: ['email'] } });
    expect(kept[0].content).toBe('邮箱：[EMAIL_1]。[EMAIL_2]まで、[EMAIL_3]、[EMAIL_4]、[EMAIL_5]; a @ b, @Override, ランチ@渋谷, user@host');
    expect(manifest.replaced).toEqual({ email: 5 });
    // Text that runs on into an address without a space goes with it, rather than leave part of the address.
    expect(share([{ id: 'm', type: 'message', content: '请联系用户@例子.公司' }], { redact: { kinds: ['email'] } }).kept[0].content).toBe('[EMAIL_1]');
  });

  it('an address runs into text of another script: the address goes whole, the text stays, and it keeps one pseudonym', () => {
    const replaced = (content: string) => share([{ id: 'm', type: 'message', content }], { redact: { kinds: ['email'] } }).kept[0].content;
    // Korean and Arabic written straight after the domain; Chinese straight after a Chinese domain.
    expect(replaced('이메일은 john@acme.com입니다. john@acme.com으로')).toBe('이메일은 [EMAIL_1]입니다. [EMAIL_1]으로');
    expect(replaced('محمد@example.comشكرا')).toBe('[EMAIL_1]شكرا');
    expect(replaced('邮箱是info@例子.公司请联系我')).toBe('邮箱是[EMAIL_1]请联系我');
    expect(replaced('사용자@예시.한국입니다')).toBe('[EMAIL_1]입니다');
    // A local part of two scripts joined by a dot goes whole; Japanese that runs into a Latin local part stays.
    expect(replaced('taro.田中@example.jp, 田中.taro@example.jp')).toBe('[EMAIL_1], [EMAIL_2]');
    expect(replaced('メールはtaro@example.jpまで')).toBe('メールは[EMAIL_1]まで');
    expect(replaced('_jane@x.com')).toBe('[EMAIL_1]');
  });

  it('reads 100 kB of text made to look almost like addresses, in every script, in one pass', () => {
    const hostile = ['用'.repeat(100_000) + '@', '用@'.repeat(50_000), 'a@'.repeat(50_000), '%'.repeat(100_000), `x@${'例.'.repeat(50_000)}`, ('a'.repeat(64) + '@').repeat(1_500), '\\_'.repeat(50_000) + '@'];
    const filter = new ShareFilter({ redact: { kinds: ['email'] } });
    for (const content of hostile) expect(filter.item({ id: 'm', type: 'message', content })!.content).toBe(content);
  });

  it('terms, in any letter case, in metadata of the conversation too', () => {
    const filter = new ShareFilter({ redact: { terms: ['Acme Corp', 'Project Falcon'] } });
    const conversation = filter.conversation({ id: 'conv_1', metadata: { customer: 'ACME CORP' } });
    const item = filter.item({ id: 'm', type: 'message', content: 'acme corp asked about project falcon' })!;
    expect(conversation.metadata).toEqual({ customer: '[TERM_1]' });
    expect(item.content).toBe('[TERM_1] asked about [TERM_2]');
    expect(filter.manifest().rules.terms).toBe(2);
    expect(JSON.stringify(filter.manifest())).not.toMatch(/acme|falcon/i);
  });

  it('terms however their accents are encoded: composed, or a letter and a combining accent', () => {
    const decomposed = 'Cafe\u0301 Mu\u0308ller';
    const { kept, manifest } = share([{ id: 'm', type: 'message', content: `Met ${decomposed} at café müller; ${decomposed.toUpperCase()} again` }], { redact: { terms: ['Café Müller'] } });
    expect(kept[0].content).toBe('Met [TERM_1] at [TERM_1]; [TERM_1] again');
    expect(manifest.replaced).toEqual({ term: 1 });
    // A term typed decomposed finds the composed spelling too.
    expect(share([{ id: 'm', type: 'message', content: 'Café Müller' }], { redact: { terms: [decomposed] } }).kept[0].content).toBe('[TERM_1]');
  });

  it('terms in full letter case folding: ß is ss in capitals, ſ is s, and one term however it is spelled', () => {
    const text = 'Hauptstraße 5, HAUPTSTRASSE 5, Hauptstrasse 5, HAUPTSTRAẞE 5, Hauptſtraſſe 5';
    for (const term of ['Hauptstraße', 'HAUPTSTRASSE', 'hauptstrasse', 'Hauptſtraſſe']) {
      const { kept, manifest } = share([{ id: 'm', type: 'message', content: text }], { redact: { terms: [term] } });
      expect([term, kept[0].content]).toEqual([term, '[TERM_1] 5, [TERM_1] 5, [TERM_1] 5, [TERM_1] 5, [TERM_1] 5']);
      expect(manifest.replaced).toEqual({ term: 1 });
    }
    // One s alone is not ß, nor is a Greek β.
    expect(share([{ id: 'm', type: 'message', content: 'Maße, Masse, Mase, Maβe' }], { redact: { terms: ['MASSE'] } }).kept[0].content).toBe('[TERM_1], [TERM_1], Mase, Maβe');
  });

  it('terms written in full-width letters, as Chinese, Japanese and Korean text writes Latin ones', () => {
    const { kept, manifest } = share([{ id: 'm', type: 'message', content: 'ＡＣＭＥ社の請求書、Acme Corp、ａｃｍｅ　Ｃｏｒｐ' }], { redact: { terms: ['ACME', 'Acme Corp'] } });
    expect(kept[0].content).toBe('[TERM_1]社の請求書、[TERM_2]、[TERM_2]');
    expect(manifest.replaced).toEqual({ term: 2 });
    // A term typed in full-width letters finds the plain spelling too.
    expect(share([{ id: 'm', type: 'message', content: 'acme' }], { redact: { terms: ['ＡＣＭＥ'] } }).kept[0].content).toBe('[TERM_1]');
  });

  it('terms whose punctuation Markdown escapes, as the page shows them unescaped', () => {
    const { kept, manifest } = share([{ id: 'm', type: 'message', role: 'assistant', content: 'The tenant acme\\_logistics (acme_logistics) is on plan \\#4471-b.' }], { redact: { terms: ['acme_logistics', '#4471-b'] } });
    expect(kept[0].content).toBe('The tenant [TERM_1] ([TERM_1]) is on plan [TERM_2].');
    expect(manifest.replaced).toEqual({ term: 2 });
  });

  it('terms with invisible characters between their letters, which the page shows as the word itself', () => {
    const { kept, manifest } = share([{ id: 'm', type: 'message', content: 'Ac\u200Bme, Ac\u00ADme Co\u200Crp and Acme' }], { redact: { terms: ['Acme', 'Acme Corp'] } });
    expect(kept[0].content).toBe('[TERM_1], [TERM_2] and [TERM_1]');
    expect(manifest.replaced).toEqual({ term: 2 });
  });

  it('terms whose words Markdown emphasises apart, keeping the emphasis around the pseudonym', () => {
    const content = 'Met **Acme** Corp, then Acme **Corp**, _Acme_ Corp, ~~Acme~~ Corp, `Acme` Corp and **Acme Corp**; Acme_Corp stays.';
    const { kept, manifest } = share([{ id: 'm', type: 'message', role: 'assistant', content }], { redact: { terms: ['Acme Corp'] } });
    expect(kept[0].content).toBe('Met **[TERM_1]**, then **[TERM_1]**, _[TERM_1]_, ~~[TERM_1]~~, `[TERM_1]` and **[TERM_1]**; Acme_Corp stays.');
    expect(manifest.replaced).toEqual({ term: 1 });
    // Different marks on each word nest, code inside; marks whose partner is outside the term stay on their side.
    const mixed = share([{ id: 'm', type: 'message', content: '**Acme** _Corp_, `Acme` **Corp**, *Acme* *Corp*, **Acme** **Corp**, **x Acme** Corp y**' }], { redact: { terms: ['Acme Corp'] } });
    expect(mixed.kept[0].content).toBe('**_[TERM_1]_**, **`[TERM_1]`**, *[TERM_1]*, **[TERM_1]**, **x [TERM_1]** y**');
    // Code that opens before the term keeps the emphasis after it, and what follows the term keeps its own.
    const code = share([{ id: 'm', type: 'message', content: 'Ask `Acme` **Corp and more** or ~~Acme~~ *Corp*; `x Acme` **Corp** stays in code.' }], { redact: { terms: ['Acme Corp'] } });
    expect(code.kept[0].content).toBe('Ask **`[TERM_1]` and more** or ~~*[TERM_1]*~~; `x [TERM_1]` stays in code.');
    // The preview names the term as the page shows it, without the marks.
    const filter = new ShareFilter({ redact: { terms: ['Jane Doe'] } });
    filter.item({ id: 'm', type: 'message', content: '**Jane** Doe' });
    expect(filter.samples()).toEqual([{ kind: 'term', value: 'Jane Doe', pseudonym: '[TERM_1]' }]);
  });

  it('terms whose words start or end with marks of their own keep them as part of the term', () => {
    const { kept, manifest } = share([{ id: 'm', type: 'message', content: 'Call __init__ method, then **__init__ method** and *args list.' }], { redact: { terms: ['__init__ method', '*args list'] } });
    expect(kept[0].content).toBe('Call [TERM_1], then **[TERM_1]** and [TERM_2].');
    expect(manifest.replaced).toEqual({ term: 2 });
  });

  it('leaves image data and ciphertext alone', () => {
    const { kept } = share([{ id: 'ig', type: 'image_generation_call', result: 'AAAA+44207946095800', revised_prompt: 'call +44 20 7946 0958' }], { redact: { kinds: ['phone'] } });
    expect(kept[0]).toMatchObject({ result: 'AAAA+44207946095800', revised_prompt: 'call [PHONE_1]' });
  });

  it('a term leaves the pseudonyms of the other kinds whole, though it is part of their names', () => {
    const { kept, manifest } = share([{ id: 'm', type: 'message', content: 'Mail carol@example.com from 10.0.0.1 about Phone X' }], { redact: { kinds: ['email', 'ip'], terms: ['mail', 'ip', 'phone'] } });
    expect(kept[0].content).toBe('[TERM_1] [EMAIL_1] from [IP_1] about [TERM_2] X');
    expect(manifest.replaced).toEqual({ email: 1, ip: 1, term: 2 });
  });

  it('offers a few samples per kind for a preview', () => {
    const filter = new ShareFilter({ redact: { kinds: ['email'] } });
    filter.item({ id: 'm', type: 'message', content: 'a@x.io b@x.io c@x.io d@x.io' });
    expect(filter.samples()).toEqual([
      { kind: 'email', value: 'a@x.io', pseudonym: '[EMAIL_1]' },
      { kind: 'email', value: 'b@x.io', pseudonym: '[EMAIL_2]' },
      { kind: 'email', value: 'c@x.io', pseudonym: '[EMAIL_3]' },
    ]);
  });

  it('runs in linear time over a long unbroken line', () => {
    const filter = new ShareFilter({ redact: { kinds: ['email', 'phone', 'secret', 'ip'], terms: ['x'] } });
    const item = filter.item({ id: 'm', type: 'message', content: `${'a'.repeat(3_000_000)}@` })!;
    expect((item.content as string).length).toBe(3_000_001);
  });

  it('secrets under keys that name one, in JSON arguments, outputs and metadata, whatever their shape', () => {
    const { kept, text } = share(
      [
        { id: 'fc', type: 'function_call', call_id: 'c1', name: 'login', arguments: '{"username":"bob","password":"hunter2hunter2","api_key":"abc123def456ghi"}' },
        { id: 'fo', type: 'function_call_output', call_id: 'c1', output: '{"access_token":"zzTOPSECRETzz99","ok":true,"max_tokens":5}' },
      ],
      { redact: { kinds: ['secret'] } },
    );
    expect(text).not.toMatch(/hunter2hunter2|abc123def456ghi|zzTOPSECRETzz99/);
    expect(JSON.parse(kept[0].arguments as string)).toEqual({ username: 'bob', password: '[SECRET_1]', api_key: '[SECRET_2]' });
    expect(JSON.parse(kept[1].output as string)).toEqual({ access_token: '[SECRET_3]', ok: true, max_tokens: 5 });
    const filter = new ShareFilter({ redact: { kinds: ['secret'] } });
    expect(filter.conversation({ id: 'conv_1', metadata: { api_key: 'metaSECRETvalue1', topic: 'billing' } })).toEqual({ id: 'conv_1', metadata: { api_key: '[SECRET_1]', topic: 'billing' } });
  });

  it('inside every string but base64 data: a text that starts with data: is read like any other', () => {
    const { kept } = share(
      [
        { id: 'fo', type: 'function_call_output', call_id: 'c1', output: 'data: {"user":"carol@example.com"}' },
        { id: 'm', type: 'message', role: 'user', content: [{ type: 'input_file', filename: 'notes.txt', file_data: 'data:text/plain,carol@example.com' }, { type: 'input_file', file_data: `data:application/pdf;base64,${'JVBERi0x'.repeat(10)}` }] },
      ],
      { redact: { kinds: ['email'] } },
    );
    expect(kept[0].output).toBe('data: {"user":"[EMAIL_1]"}');
    expect(kept[1].content).toEqual([
      { type: 'input_file', filename: 'notes.txt', file_data: 'data:text/plain,[EMAIL_1]' },
      { type: 'input_file', file_data: `data:application/pdf;base64,${'JVBERi0x'.repeat(10)}` },
    ]);
  });

  it("in object keys, in a URL's encoding, across line breaks; never in a field's name or a part's type", () => {
    const { kept } = share(
      [
        { id: 'fc', type: 'function_call', call_id: 'c1', name: 'send', arguments: '{"cc":{"carol@example.com":"Jane Doe"}}' },
        { id: 'm', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'see https://crm.example/u?e=carol%40example.com&n=Jane%20Doe, Jane+Doe and Jane\nDoe', annotations: [] }] },
        { id: 'f', type: 'message', role: 'user', content: [{ type: 'input_file', file_id: 'f_1', text: 'a file' }] },
      ],
      { redact: { kinds: ['email'], terms: ['Jane Doe', 'file', 'text'] } },
    );
    expect(JSON.parse(kept[0].arguments as string)).toEqual({ cc: { '[EMAIL_1]': '[TERM_1]' } });
    expect((kept[1].content as { text: string }[])[0].text).toBe('see https://crm.example/u?e=[EMAIL_1]&n=[TERM_1], [TERM_1] and [TERM_1]');
    expect(kept[2].content).toEqual([{ type: 'input_file', file_id: 'f_1', text: 'a [TERM_2]' }]);
  });

  it("inside JSON text, a value under a `type` key is data like any other; an item's own parts keep their types", () => {
    const { kept, text } = share(
      [
        { id: 'fc', type: 'function_call', call_id: 'c1', name: 'notify', arguments: '{"type":"carol@example.com","note":{"type":"Jane Doe"}}' },
        { id: 'fo', type: 'function_call_output', call_id: 'c1', output: '[{"type":"Jane Doe","id":1}]' },
        { id: 'm', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Jane Doe' }] },
      ],
      { redact: { kinds: ['email'], terms: ['Jane Doe', 'text'] } },
    );
    expect(text).not.toMatch(/carol@example\.com|Jane Doe/);
    expect(JSON.parse(kept[0].arguments as string)).toEqual({ type: '[EMAIL_1]', note: { type: '[TERM_1]' } });
    expect(JSON.parse(kept[1].output as string)).toEqual([{ type: '[TERM_1]', id: 1 }]);
    expect(kept[2].content).toEqual([{ type: 'input_text', text: '[TERM_1]' }]);
  });

  it('citations stay on the words they cite once the text before them is replaced or left out', () => {
    const text = 'Ask jane.longname@example.com ![map](https://private.example/m.png) about Penang hawker stalls.';
    const cite = (words: string, value = text) => ({ start_index: value.indexOf(words), end_index: value.indexOf(words) + words.length });
    const { kept } = share(
      [{ id: 'm', type: 'message', role: 'assistant', content: [{ type: 'output_text', text, annotations: [{ type: 'url_citation', url: 'https://eat.example/', title: 'Eat', ...cite('Penang hawker stalls') }, { type: 'file_citation', file_id: 'f', filename: 'a.pdf', index: text.indexOf(' about') }] }] }],
      { exclude: { content: ['images'] }, redact: { kinds: ['email'] } },
    );
    const part = (kept[0].content as { text: string; annotations: Record<string, unknown>[] }[])[0];
    expect(part.text).toBe('Ask [EMAIL_1] [image left out] about Penang hawker stalls.');
    expect(part.annotations[0]).toMatchObject(cite('Penang hawker stalls', part.text));
    expect(part.annotations[1]).toMatchObject({ index: part.text.indexOf(' about') });
  });

  it('a term that runs from one text part into the next, which the page shows one after another as paragraphs', () => {
    const second = ' Corp, our client since 2019.';
    const { kept, manifest } = share(
      [
        {
          id: 'm',
          type: 'message',
          role: 'assistant',
          content: [
            { type: 'output_text', text: 'We met Acme', annotations: [] },
            { type: 'output_text', text: second, annotations: [{ type: 'url_citation', url: 'https://a.example/', title: 'A', start_index: second.indexOf('client'), end_index: second.indexOf(' since') }] },
            { type: 'output_text', text: 'Acme Corp again', annotations: [] },
          ],
        },
        { id: 'rs', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Asked about **Acme**' }, { type: 'summary_text', text: '**Corp**' }] },
      ],
      { redact: { terms: ['Acme Corp'] } },
    );
    const parts = kept[0].content as { text: string; annotations: Record<string, unknown>[] }[];
    expect(parts.map((part) => part.text)).toEqual(['We met [TERM_1]', ', our client since 2019.', '[TERM_1] again']);
    expect(parts[1].annotations[0]).toMatchObject({ start_index: parts[1].text.indexOf('client'), end_index: parts[1].text.indexOf(' since') });
    expect(JSON.stringify(kept[1])).not.toMatch(/acme|corp/i);
    expect(manifest.replaced).toEqual({ term: 1 });
    // A private key cut into two parts goes whole.
    const key = share([{ id: 'm', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'key: -----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN' }, { type: 'input_text', text: 'BgkqhkiG9w0\n-----END PRIVATE KEY-----' }] }], { redact: { kinds: ['secret'] } });
    expect(key.kept[0].content).toEqual([{ type: 'input_text', text: 'key: [SECRET_1]' }, { type: 'input_text', text: '' }]);
  });

  it('in the keys at the top of JSON text too: arguments and outputs keyed by an address', () => {
    const { kept, text } = share(
      [
        { id: 'fc', type: 'function_call', call_id: 'c1', name: 'grant', arguments: '{"carol@example.com":{"role":"admin"},"dave@example.com":"viewer"}' },
        { id: 'fo', type: 'function_call_output', call_id: 'c1', output: '{"carol@example.com":"granted"}' },
      ],
      { redact: { kinds: ['email'] } },
    );
    expect(text).not.toMatch(/example\.com/);
    expect(JSON.parse(kept[0].arguments as string)).toEqual({ '[EMAIL_1]': { role: 'admin' }, '[EMAIL_2]': 'viewer' });
    expect(JSON.parse(kept[1].output as string)).toEqual({ '[EMAIL_1]': 'granted' });
  });

  it('keeps a "__proto__" key beside a key it replaces, as data, in JSON text and in an item alike', () => {
    // Parsed, as an upstream's answer is: a literal would set the prototype instead.
    const item = JSON.parse(String.raw`{"id":"fc","type":"function_call","call_id":"c","name":"f","arguments":"{\"__proto__\":{\"x\":\"keep me\"},\"carol@example.com\":\"hi\"}","metadata":{"__proto__":{"y":"nested"},"dave@example.com":1}}`) as Item;
    const { text } = share([item], { redact: { kinds: ['email'] } });
    expect(text).not.toMatch(/example\.com/);
    expect(text).toContain(String.raw`{\"__proto__\":{\"x\":\"keep me\"},\"[EMAIL_1]\":\"hi\"}`);
    expect(text).toContain('"metadata":{"__proto__":{"y":"nested"},"[EMAIL_2]":1}');
  });

  it('JSON text that had something replaced keeps its numbers as written: long IDs are not rounded, 1.50 stays 1.50', () => {
    const { kept } = share(
      [{ id: 'fc', type: 'function_call', call_id: 'c', name: 'refund', arguments: '{"order_id":12345678901234567890,"amount":1.50,"rate":1E-7,"to":"carol@example.com"}' }],
      { redact: { kinds: ['email'] } },
    );
    expect(kept[0].arguments).toBe('{"order_id":12345678901234567890,"amount":1.50,"rate":1E-7,"to":"[EMAIL_1]"}');
  });

  it('a term or a secret written as a number in JSON text', () => {
    const { kept, text } = share(
      [
        { id: 'fc', type: 'function_call', call_id: 'c', name: 'lookup', arguments: '{"account":48213377,"note":"account 48213377","limit":10}' },
        { id: 'fo', type: 'function_call_output', call_id: 'c', output: '[{"account":48213377,"password":20251234}]' },
      ],
      { redact: { kinds: ['secret'], terms: ['48213377'] } },
    );
    expect(kept[0].arguments).toBe('{"account":"[TERM_1]","note":"account [TERM_1]","limit":10}');
    expect(kept[1].output).toBe('[{"account":"[TERM_1]","password":"[SECRET_1]"}]');
    expect(text).not.toMatch(/48213377|20251234/);
  });

  it('a term in a key of JSON text, though the key reads as a field name; an item keeps its own field names', () => {
    const { kept } = share(
      [{ id: 'fc', type: 'function_call', call_id: 'c2', name: 'open', arguments: '{"acme_account":7,"owner":{"acme":true}}' }, { id: 'm', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'acme' }] }],
      { redact: { terms: ['Acme', 'text'] } },
    );
    expect(JSON.parse(kept[0].arguments as string)).toEqual({ '[TERM_1]_account': 7, owner: { '[TERM_1]': true } });
    expect(kept[1].content).toEqual([{ type: 'input_text', text: '[TERM_1]' }]);
  });

  it('a term in a key of the metadata its author named, in the conversation and in an item', () => {
    const filter = new ShareFilter({ redact: { terms: ['acme'] } });
    expect(filter.conversation({ id: 'conv_1', metadata: { acme_project: 'x', topic: 'acme' } })).toEqual({ id: 'conv_1', metadata: { '[TERM_1]_project': 'x', topic: '[TERM_1]' } });
    expect(filter.item({ id: 'm', type: 'message', role: 'user', metadata: { acme_note: 1 }, content: [{ type: 'input_text', text: 'hi' }] })).toMatchObject({ metadata: { '[TERM_1]_note': 1 } });
  });

  it('a term in the names of a tool’s parameters and of a shell’s environment variables, as in the rest of the tool list', () => {
    const { kept, text } = share(
      [
        { id: 'l', type: 'mcp_list_tools', server_label: 'crm', tools: [{ name: 'lookup', input_schema: { type: 'object', properties: { acme_account_id: { type: 'string' } }, required: ['acme_account_id'] } }] },
        { id: 's', type: 'local_shell_call', call_id: 'c', status: 'completed', action: { type: 'exec', command: ['deploy'], env: { acme_region: 'eu' } } },
      ],
      { redact: { terms: ['acme'] } },
    );
    expect(kept[0].tools).toEqual([{ name: 'lookup', input_schema: { type: 'object', properties: { '[TERM_1]_account_id': { type: 'string' } }, required: ['[TERM_1]_account_id'] } }]);
    expect(kept[1].action).toEqual({ type: 'exec', command: ['deploy'], env: { '[TERM_1]_region': 'eu' } });
    expect(text).not.toMatch(/acme/i);
  });

  it('numbers values in the order they are written within an item too', () => {
    const { kept } = share([{ id: 'm', type: 'message', role: 'user', content: [{ type: 'input_text', text: 'a@example.com' }, { type: 'input_text', text: 'b@example.com' }] }], { redact: { kinds: ['email'] } });
    expect(kept[0].content).toEqual([{ type: 'input_text', text: '[EMAIL_1]' }, { type: 'input_text', text: '[EMAIL_2]' }]);
  });

  it('drops token log probabilities, which spell the text out token by token', () => {
    const tokens = ['Mail', ' carol', '@example', '.com'];
    const logprobs = tokens.map((token) => ({ token, logprob: -0.1, bytes: [...new TextEncoder().encode(token)], top_logprobs: [{ token, logprob: -0.1, bytes: [] }] }));
    const { kept, text } = share([{ id: 'm', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Mail carol@example.com', annotations: [], logprobs }] }], { redact: { kinds: ['email'] } });
    expect(text).not.toMatch(/carol|@example/);
    expect(kept[0].content).toEqual([{ type: 'output_text', text: 'Mail [EMAIL_1]', annotations: [], logprobs: [] }]);
  });
});

describe('leaving out content, in the shapes the checks above do not show', () => {
  const image = 'iVBORw0KGgo'.repeat(20);
  it('images: Markdown images in every form Markdown reads them, parentheses in the URL and quoted titles included', () => {
    const forms = [
      '![p](https://private.example/File_(1).png)',
      '![q](<https://private.example/a b.png>)',
      "![r](https://private.example/r.png 'T')",
      '![s](https://private.example/s.png (T))',
      '![t](\n  https://private.example/t.png\n)',
      '![u\\]v](https://private.example/u.png)',
    ];
    const { kept, text, manifest } = share([{ id: 'm', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: forms.join(' and '), annotations: [] }] }], { exclude: { content: ['images'] } });
    expect(text).not.toMatch(/private/);
    expect((kept[0].content as { text: string }[])[0].text).toBe(forms.map(() => '[image left out]').join(' and '));
    expect(manifest.left_out.images).toBe(6);
    // A link with parentheses is no image, and stays.
    expect(share([{ id: 'm', type: 'message', content: 'see [docs](https://docs.example/a_(b)) (here)' }], { exclude: { content: ['images'] } }).kept[0].content).toBe('see [docs](https://docs.example/a_(b)) (here)');
  });

  it("images: a text's token log probabilities go with the images left out of it, which they spell out", () => {
    const tokens = ['See ', '![', 'map', '](', 'https', '://', 'private', '.example', '/m.png', ')'].map((token) => ({ token, logprob: -0.1, top_logprobs: [] }));
    const { kept, text } = share(
      [
        { id: 'm1', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'See ![map](https://private.example/m.png)', annotations: [], logprobs: tokens }] },
        { id: 'm2', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'No image', annotations: [], logprobs: [{ token: 'No', logprob: -0.1, top_logprobs: [] }] }] },
      ],
      { exclude: { content: ['images'] } },
    );
    expect(text).not.toMatch(/private/);
    expect(kept[0].content).toEqual([{ type: 'output_text', text: 'See [image left out]', annotations: [], logprobs: [] }]);
    expect((kept[1].content as { logprobs: unknown[] }[])[0].logprobs).toHaveLength(1);
  });

  it('images: Markdown images by reference go with the definitions of their URLs; links by reference stay', () => {
    const markdown = 'Chart: ![chart][c1], ![Logo][] and ![ shot ]\n\nSee [the docs][d].\n\n[c1]: https://private.example/c.png\n[logo]: <https://private.example/l.png> "Logo"\n[Shot]: https://private.example/s.png\n[d]: https://docs.example/\n';
    const { kept, text, manifest } = share([{ id: 'm', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: markdown, annotations: [] }] }], { exclude: { content: ['images'] } });
    expect(text).not.toMatch(/private/);
    expect((kept[0].content as { text: string }[])[0].text).toBe('Chart: [image left out], [image left out] and [image left out]\n\nSee [the docs][d].\n\n[d]: https://docs.example/\n');
    expect(manifest.left_out.images).toBe(3);
    // Without a definition, `![x]` is text.
    expect(share([{ id: 'm', type: 'message', content: 'a ![x] b' }], { exclude: { content: ['images'] } }).kept[0].content).toBe('a ![x] b');
  });

  it('images: any letter case, parameters, JSON-escaped slashes, image URLs in objects and image outputs, Markdown images', () => {
    const { kept, text, manifest } = share(
      [
        { id: 'fc', type: 'function_call', call_id: 'c1', name: 'show', arguments: JSON.stringify({ img: `see data:image/png;base64,${image.slice(0, 40)}/${image.slice(40)}` }).replaceAll('/', '\\/') },
        { id: 'm1', type: 'message', role: 'user', content: [{ type: 'input_text', text: `DATA:IMAGE/PNG;BASE64,${image}` }, { type: 'input_text', text: `x data:image/png;charset=utf-8;base64,${image} y` }, { type: 'input_text', text: 'data:image/svg+xml;utf8,<svg onload=1>' }] },
        { id: 'm2', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: { url: 'https://private.example/a.png' } }] },
        { id: 'ci', type: 'code_interpreter_call', code: 'plot()', status: 'completed', outputs: [{ type: 'image', url: 'https://private.example/plot.png' }] },
        { id: 'm3', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Here: ![chart](https://private.example/c.png "Chart") done', annotations: [] }, { type: 'output_text', text: `And ![private svg alt](data:image/png;base64,${image.repeat(80)}) here`, annotations: [] }] },
        // Images the provider stores, by ID: a message's image part and a computer call's screenshot.
        { id: 'm4', type: 'message', role: 'user', content: [{ type: 'input_image', file_id: 'file-private-1', detail: 'low' }, { type: 'input_file', file_id: 'file-report' }, { type: 'input_image', file_id: 'file-private-3', image_url: 'https://private.example/d.png' }] },
        { id: 'cco', type: 'computer_call_output', call_id: 'c2', output: { type: 'computer_screenshot', file_id: 'file-private-2' } },
      ],
      { exclude: { content: ['images'] } },
    );
    // A part naming one image two ways is one image left out.
    expect(kept[5].content).toEqual([{ type: 'input_image', detail: 'low' }, { type: 'input_file', file_id: 'file-report' }, { type: 'input_image' }]);
    expect(kept[6].output).toEqual({ type: 'computer_screenshot' });
    expect(text).not.toMatch(/iVBORw0KGgo|private|svg/i);
    expect((kept[1].content as { text: string }[]).map((part) => part.text)).toEqual(['[image left out]', 'x [image left out] y', '[image left out]']);
    expect((kept[4].content as { text: string }[])[0].text).toBe('Here: [image left out] done');
    // A data URL too long to read as a Markdown link: the image goes whole, with its alt text, and counts once.
    expect((kept[4].content as { text: string }[])[1].text).toBe('And [image left out] here');
    expect(manifest.left_out.images).toBe(11);
  });

  it('reasoning parts inside messages, tool messages, MCP tool lists and the results of call types this viewer does not know', () => {
    const { kept, text } = share(
      [
        { id: 'm', type: 'message', role: 'assistant', content: [{ type: 'reasoning_text', text: 'SECRET-REASONING' }, { type: 'output_text', text: 'Answer', annotations: [] }] },
        { id: 't', type: 'message', role: 'tool', content: 'SECRET-OUTPUT-1' },
        { id: 'l', type: 'mcp_list_tools', server_label: 'git', tools: [{ name: 'SECRET-OUTPUT-2' }], error: null },
        { id: 'x', type: 'future_tool_call', call_id: 'c9', arguments: '{}', output: 'SECRET-OUTPUT-3', result: 'SECRET-OUTPUT-4' },
      ],
      { exclude: { content: ['reasoning', 'tool_outputs'] } },
    );
    expect(text).not.toMatch(/SECRET/);
    expect(kept.map((item) => item.id)).toEqual(['m', 'l', 'x']);
    expect(kept[0].content).toEqual([{ type: 'output_text', text: 'Answer', annotations: [] }]);
  });
});
