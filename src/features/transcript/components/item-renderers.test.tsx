import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ConversationItem as SdkConversationItem } from 'openai/resources/conversations/items';
import { describe, expect, it } from 'vitest';
import { SDK_ITEM_TYPES } from '../../../shared/items/sdk-item-types';
import type { ConversationItem } from '../types';
import { renderItems } from '../../../test/render-items';
import { SearchQueryContext } from '../search/search-query-context';
import { TokenCountsContext, type TokenState } from '../data/use-run-summary';
import { RENDERED_TYPES } from './item-renderers';
import { rangesIn } from '../search/use-match-highlights';
import { searchableText } from '../data/searchable-text';
import { createItemUiStore, ItemUiStoreContext, RowKeyContext } from '../list/item-ui-store';

/** The Markdown renderer is a lazily loaded chunk: give its first import time on a busy machine. */
const LAZY = { timeout: 10_000 };
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

function show(list: ConversationItem[]) {
  const { container } = renderItems(list);
  return (id: string) => within(container.querySelector<HTMLElement>(`[data-item-id="${id}"]`) as HTMLElement);
}

// Fails to compile when the installed SDK's item union gains a type this list does not have.
type Unlisted = Exclude<SdkConversationItem['type'], (typeof SDK_ITEM_TYPES)[number]>;
const listsEverySdkType: [Unlisted] extends [never] ? true : Unlisted = true;

describe('the renderer registry', () => {
  it('has a dedicated view for every type of the SDK ConversationItem union', () => {
    expect(listsEverySdkType).toBe(true);
    expect(SDK_ITEM_TYPES.filter((type) => !RENDERED_TYPES.includes(type))).toEqual([]);
  });
});

describe('item views', () => {
  it('a folded tool row sets its own line (code, arguments, a query) in the type a call sets its arguments in', () => {
    const store = createItemUiStore();
    const items: ConversationItem[] = [
      { id: 'ci_1', type: 'code_interpreter_call', code: 'runs = [4169, 4170]', container_id: 'cntr_1', outputs: [], status: 'completed' },
      { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'list_runs', arguments: '{"branch":"main"}', status: 'completed' },
    ];
    const { article } = renderItems(items, null, ({ children }) => (
      <ItemUiStoreContext value={store}>
        <RowKeyContext value="row">{children}</RowKeyContext>
      </ItemUiStoreContext>
    ));
    const line = article('ci_1').querySelector('[data-row-summary]');
    expect(line).toHaveTextContent('runs = [4169, 4170]');
    expect(line).toHaveClass('font-mono');
    expect(within(article('fc_1')).getByText('branch: "main"')).toHaveClass('font-mono');
  });

  it('reasoning: summary collapsed under a label, encrypted content counted, never dumped', () => {
    const secret = 'gAAAA'.repeat(120);
    const item = show([{ id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Check the logs first.' }, { type: 'summary_text', text: 'Then the config.' }], encrypted_content: secret }])('rs_1');
    const summary = item.getByText('Reasoning summary (2 parts)');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    expect(item.getByText(/encrypted \(600 characters\)/)).toBeInTheDocument();
    expect(document.body.textContent).not.toContain(secret);
  });

  it('each item shows its own token count, one without an ID or one of two with the same ID too', () => {
    const items: ConversationItem[] = [
      { id: 'dup', type: 'message', role: 'user', content: 'long question' },
      { id: 'dup', type: 'message', role: 'assistant', content: 'hi' },
      { type: 'message', role: 'assistant', content: 'no id' },
    ];
    const byItem = new WeakMap<object, number>([[items[0], 600], [items[1], 1], [items[2], 42]]);
    const counts = { byId: new Map([['dup', 1]]), opaqueById: new Map(), byItem, opaqueByItem: new WeakMap(), total: 643 };
    const state = { counts, revision: 1, done: true, failed: null, textIndex: null } as unknown as TokenState;
    const { container } = renderItems(items, null, ({ children }) => <TokenCountsContext.Provider value={state}>{children}</TokenCountsContext.Provider>);
    expect([...container.querySelectorAll('article')].map((article) => /≈ ([\d,]+) tokens?/.exec(article.textContent ?? '')?.[1])).toEqual(['600', '1', '42']);
    // One token is "1 token".
    expect(container.querySelectorAll('article')[1].textContent).toMatch(/≈ 1 token(?!s)/);
  });

  it('reasoning: a folded section opens while the search finds something in it', () => {
    const items: ConversationItem[] = [{ id: 'rs_1', type: 'reasoning', summary: [{ type: 'summary_text', text: 'Check the ERROR log first.' }], content: [{ type: 'reasoning_text', text: 'Then the config.' }] }];
    const { article } = renderItems(items, null, ({ children }) => <SearchQueryContext.Provider value="error">{children}</SearchQueryContext.Provider>);
    const item = within(article('rs_1'));
    expect(item.getByText('Reasoning summary (1 part)').closest('details')).toHaveAttribute('open');
    expect(item.getByText('Reasoning text').closest('details')).not.toHaveAttribute('open');
  });

  it('an item the search finds by its ID shows the ID, where the match can be marked; others keep it hidden', async () => {
    const items: ConversationItem[] = [
      { id: 'msg_1eff5037', type: 'message', role: 'assistant', content: 'Retrying.' },
      { id: 'msg_2', type: 'message', role: 'assistant', content: 'Status 503 again.' },
    ];
    const { article } = renderItems(items, null, ({ children }) => <SearchQueryContext.Provider value="503">{children}</SearchQueryContext.Provider>);
    expect(within(article('msg_1eff5037')).getByText('msg_1eff5037', { selector: 'code' })).toBeInTheDocument();
    expect(within(article('msg_2')).queryByText('msg_2', { selector: 'code' })).toBeNull();
    // Its ID button says the ID is shown, and hides it.
    const idButton = within(article('msg_1eff5037')).getByRole('button', { name: 'Item ID' });
    expect(idButton).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(idButton);
    expect(within(article('msg_1eff5037')).queryByText('msg_1eff5037', { selector: 'code' })).toBeNull();
  });

  it("an output shown in its call's row and found by its ID shows that ID in the row", () => {
    const items: ConversationItem[] = [
      { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'fetch_status', arguments: '{}', status: 'completed' },
      { id: 'fco_9b503c', type: 'function_call_output', call_id: 'call_1', output: 'ok' },
    ];
    const { article } = renderItems(items, null, ({ children }) => <SearchQueryContext.Provider value="503">{children}</SearchQueryContext.Provider>);
    expect(within(article('fc_1')).getByText('fco_9b503c', { selector: 'code' })).toBeInTheDocument();
  });

  it('a call found by its call ID shows that ID in its row, where the match is marked, as many times as it is counted', () => {
    const items: ConversationItem[] = [
      { id: 'fc_1', type: 'function_call', call_id: 'call_1', name: 'fetch_status', arguments: '{}', status: 'completed' },
      { id: 'fco_1', type: 'function_call_output', call_id: 'call_1', output: 'ok' },
      { id: 'fc_2', type: 'function_call', call_id: 'call_2', name: 'fetch_status', arguments: '{}', status: 'completed' },
    ];
    const { article } = renderItems(items, null, ({ children }) => <SearchQueryContext.Provider value="call_1">{children}</SearchQueryContext.Provider>);
    expect(searchableText(items[0])).toContain('call_1');
    expect(rangesIn(article('fc_1'), 'call_1').map((range) => range.toString())).toEqual(['call_1']);
    // A call the search did not find by its call ID keeps it hidden.
    expect(within(article('fc_2')).queryByText('call_2')).toBeNull();
  });

  it('web search: the query and its sources as safe external links', () => {
    const item = show([{ id: 'ws_1', type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'vite 8 release', sources: [{ type: 'url', url: 'https://vite.dev/blog' }, { type: 'url', url: 'javascript:alert(1)' }] } }])('ws_1');
    expect(item.getByText('vite 8 release')).toBeInTheDocument();
    const link = item.getByRole('link', { name: 'https://vite.dev/blog' });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(item.queryByRole('link', { name: 'javascript:alert(1)' })).toBeNull();
  });

  it('file search: queries, file names and scores', () => {
    const item = show([{ id: 'fs_1', type: 'file_search_call', status: 'completed', queries: ['retry policy'], results: [{ file_id: 'file_1', filename: 'runbook.md', score: 0.8123, text: 'Retry three times.' }] }])('fs_1');
    expect(item.getByText('retry policy')).toBeInTheDocument();
    expect(item.getByText(/runbook\.md/)).toBeInTheDocument();
    expect(item.getByText('score 0.812')).toBeInTheDocument();
  });

  it('code interpreter: code, logs and image outputs', () => {
    const item = show([{ id: 'ci_1', type: 'code_interpreter_call', status: 'completed', container_id: 'cntr_1', code: 'print(1 + 1)', outputs: [{ type: 'logs', logs: '2' }, { type: 'image', url: 'https://files.example/plot.png' }] }])('ci_1');
    expect(item.getByText(/print\(1 \+ 1\)/)).toBeInTheDocument();
    expect(item.getByLabelText('Logs')).toHaveTextContent('2');
    expect(item.getByRole('img', { name: 'Code interpreter output' })).toHaveAttribute('src', 'https://files.example/plot.png');
  });

  it('image generation: the base64 result as an image', () => {
    const item = show([{ id: 'ig_1', type: 'image_generation_call', status: 'completed', result: PNG }])('ig_1');
    expect(item.getByRole('img', { name: 'Generated image' })).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
  });

  it('computer call: the action, pending safety checks and the screenshot of its output', () => {
    const list = [
      { id: 'cu_1', type: 'computer_call', call_id: 'c1', status: 'completed', action: { type: 'click', button: 'left', x: 10, y: 20 }, pending_safety_checks: [{ id: 's1', code: 'malicious_instructions', message: 'Check the page.' }] },
      { id: 'cuo_1', type: 'computer_call_output', call_id: 'c1', status: 'completed', output: { type: 'computer_screenshot', image_url: `data:image/png;base64,${PNG}` } },
    ];
    const item = show(list)('cu_1');
    expect(item.getByLabelText('Computer action')).toHaveTextContent('{ "type": "click", "button": "left", "x": 10, "y": 20 }');
    expect(item.getByText(/malicious_instructions/)).toBeInTheDocument();
    expect(item.getByRole('img', { name: 'Screenshot after the action' })).toBeInTheDocument();
  });

  it('local shell and shell: the command line, exit code, stdout and stderr', () => {
    const list = [
      { id: 'ls_1', type: 'local_shell_call', call_id: 'l1', status: 'completed', action: { type: 'exec', command: ['npm', 'run', 'test -- --watch=false'], env: {}, working_directory: '/app' } },
      { id: 'lso_1', type: 'local_shell_call_output', call_id: 'l1', output: JSON.stringify({ stdout: 'ok 12 tests', stderr: 'warn', exit_code: 1 }) },
      { id: 'sh_1', type: 'shell_call', call_id: 's1', status: 'completed', action: { commands: ['git status'], timeout_ms: 1000 } },
      { id: 'sho_1', type: 'shell_call_output', call_id: 's1', status: 'completed', output: [{ stdout: 'clean', stderr: '', outcome: { type: 'exit', exit_code: 0 } }] },
    ];
    const view = show(list);
    expect(view('ls_1').getByLabelText('Command')).toHaveTextContent("$ npm run 'test -- --watch=false'");
    // Open, the row says how the call went beside its status, as folded, and its output says it too.
    expect(view('ls_1').getAllByText('exit 1')).toHaveLength(2);
    expect(view('ls_1').getByLabelText('stderr')).toHaveTextContent('warn');
    // Each stream is headed by its name, stdout as stderr is, so the two are told apart at a glance.
    expect(view('ls_1').getAllByRole('heading').map((heading) => heading.textContent)).toEqual(expect.arrayContaining(['stdout', 'stderr']));
    expect(view('sh_1').getByRole('heading', { name: 'stdout' })).toBeInTheDocument();
    expect(view('sh_1').getByLabelText('Command')).toHaveTextContent('$ git status');
    expect(view('sh_1').getAllByText('exit 0')).toHaveLength(2);
    expect(document.querySelector('[data-item-id="sho_1"]')).toBeNull();
  });

  it('local shell: an exit code written 1.0 is still a failed exit, shown as written', () => {
    const view = show([
      { id: 'ls_2', type: 'local_shell_call', call_id: 'l2', status: 'completed', action: { type: 'exec', command: ['make'] } },
      { id: 'lso_2', type: 'local_shell_call_output', call_id: 'l2', output: '{"stdout": "", "stderr": "make: *** [all] Error 1", "exit_code": 1.0}' },
    ]);
    const badge = view('ls_2').getAllByText(/^exit 1(\.0)?$/).find((element) => element.textContent === 'exit 1.0');
    expect(badge?.className).toContain('bg-rose-100');
  });

  it('apply patch: operation, path, diff and result', () => {
    const view = show([
      { id: 'ap_1', type: 'apply_patch_call', call_id: 'p1', status: 'completed', operation: { type: 'update_file', path: 'src/app.ts', diff: '-a\n+b' } },
      { id: 'apo_1', type: 'apply_patch_call_output', call_id: 'p1', status: 'completed', output: 'Applied 1 hunk' },
    ]);
    expect(view('ap_1').getByText('update file')).toBeInTheDocument();
    expect(view('ap_1').getByText('src/app.ts')).toBeInTheDocument();
    expect(view('ap_1').getByText('Applied 1 hunk')).toBeInTheDocument();
  });

  it('MCP: listed tools, an approval paired with its request, and a call with its output', () => {
    const view = show([
      { id: 'ml_1', type: 'mcp_list_tools', server_label: 'github', tools: [{ name: 'create_issue', description: 'Open an issue', input_schema: {} }] },
      { id: 'mr_1', type: 'mcp_approval_request', server_label: 'github', name: 'create_issue', arguments: '{"title":"x"}' },
      { id: 'ma_1', type: 'mcp_approval_response', approval_request_id: 'mr_1', approve: true, reason: 'Looks fine' },
      { id: 'mc_1', type: 'mcp_call', server_label: 'github', name: 'create_issue', arguments: '{"title":"x"}', output: '{"number":7}', status: 'completed' },
    ]);
    expect(view('ml_1').getByText('create_issue')).toBeInTheDocument();
    expect(view('ml_1').getByText('Open an issue')).toBeInTheDocument();
    expect(view('mr_1').getByText(/Approved later in the conversation/)).toBeInTheDocument();
    expect(view('mr_1').getByRole('link', { name: 'see the answer' })).toHaveAttribute('href', '#ma_1');
    expect(view('ma_1').getByText('✓ Approved')).toBeInTheDocument();
    expect(view('ma_1').getByText('Looks fine')).toBeInTheDocument();
    expect(view('ma_1').getByRole('link', { name: 'the MCP approval request' })).toHaveAttribute('href', '#mr_1');
    expect(view('mc_1').getByLabelText('Output')).toHaveTextContent('"number": 7');
  });

  it('tool search, additional tools, programs, custom tools and compaction', () => {
    const fnTool = { type: 'function', name: 'lookup_order', description: 'Find an order', parameters: {} };
    const view = show([
      { id: 'ts_1', type: 'tool_search_call', call_id: 't1', execution: 'server', status: 'completed', arguments: { query: 'orders' } },
      { id: 'tso_1', type: 'tool_search_output', call_id: 't1', execution: 'server', status: 'completed', tools: [fnTool] },
      { id: 'at_1', type: 'additional_tools', role: 'developer', tools: [{ ...fnTool, name: 'refund' }] },
      { id: 'pg_1', type: 'program', call_id: 'g1', code: 'return 40 + 2', fingerprint: 'fp' },
      { id: 'pgo_1', type: 'program_output', call_id: 'g1', result: '42', status: 'completed' },
      { id: 'ct_1', type: 'custom_tool_call', call_id: 'x1', name: 'sql', input: 'SELECT 1' },
      { id: 'cto_1', type: 'custom_tool_call_output', call_id: 'x1', output: '1 row' },
      { id: 'cp_1', type: 'compaction', encrypted_content: 'abc'.repeat(10) },
    ]);
    expect(view('ts_1').getByText('lookup_order')).toBeInTheDocument();
    expect(view('at_1').getByText('refund')).toBeInTheDocument();
    expect(view('at_1').getByText('from developer')).toBeInTheDocument();
    expect(view('pg_1').getByText(/return 40 \+ 2/)).toBeInTheDocument();
    expect(view('pg_1').getByLabelText('Result')).toHaveTextContent('42');
    expect(view('ct_1').getByLabelText('Input')).toHaveTextContent('SELECT 1');
    expect(view('ct_1').getByLabelText('Output')).toHaveTextContent('1 row');
    expect(view('cp_1').getByText(/encrypted \(30 characters\)/)).toBeInTheDocument();
  });

  it('custom tool calls and outputs without an id render, pair by call_id, and offer no permalink', async () => {
    const list: ConversationItem[] = [
      { type: 'custom_tool_call', call_id: 'x1', name: 'sql', input: 'SELECT 1' },
      { type: 'custom_tool_call_output', call_id: 'x1', output: '1 row' },
      { type: 'custom_tool_call_output', call_id: 'x2', output: 'orphan' },
    ];
    const { container } = renderItems(list);
    const articles = [...container.querySelectorAll<HTMLElement>('article')];
    // The answered output shows inside its call's row.
    expect(articles).toHaveLength(2);
    expect(articles.some((article) => article.hasAttribute('data-fallback'))).toBe(false);
    const call = within(articles[0]);
    expect(call.getByLabelText('Input')).toHaveTextContent('SELECT 1');
    expect(call.getByLabelText('Output')).toHaveTextContent('1 row');
    expect(within(articles[1]).getByText(/custom tool call x2 is not loaded/)).toBeInTheDocument();
    expect(call.queryByRole('link', { name: /Link to item/ })).toBeNull();
    await userEvent.click(call.getByRole('button', { name: 'Item ID' }));
    expect(call.getByText(/This item has no ID/)).toBeInTheDocument();
  });

  it('MCP call errors: the current error object, and an older plain string', () => {
    const view = show([
      { id: 'mc_p', type: 'mcp_call', server_label: 'github', name: 'create_issue', arguments: '{}', status: 'failed', error: { type: 'mcp_protocol_error', code: -32602, message: 'Invalid params: title is required' } },
      { id: 'mc_x', type: 'mcp_call', server_label: 'github', name: 'create_issue', arguments: '{}', status: 'failed', error: { type: 'mcp_tool_execution_error', content: [{ type: 'text', text: 'Repository is archived' }] } },
      { id: 'mc_h', type: 'mcp_call', server_label: 'github', name: 'create_issue', arguments: '{}', status: 'failed', error: { type: 'http_error', code: 503, message: 'Service Unavailable' } },
      { id: 'mc_s', type: 'mcp_call', server_label: 'github', name: 'create_issue', arguments: '{}', status: 'failed', error: 'Connection refused' },
    ]);
    const error = (id: string) => within(view(id).getByRole('region', { name: 'Error' }));
    expect(error('mc_p').getByText('MCP protocol error')).toBeInTheDocument();
    expect(error('mc_p').getByText('-32602')).toBeInTheDocument();
    expect(error('mc_p').getByLabelText('Error message')).toHaveTextContent('Invalid params: title is required');
    expect(error('mc_x').getByText('Tool execution error')).toBeInTheDocument();
    expect(error('mc_x').getByLabelText('Error content')).toHaveTextContent('Repository is archived');
    expect(error('mc_h').getByText('HTTP error')).toBeInTheDocument();
    expect(error('mc_h').getByText('503')).toBeInTheDocument();
    expect(error('mc_s').getByLabelText('Error message')).toHaveTextContent('Connection refused');
  });

  it('a failed image generation shows its error and the moderation reason, not "No image yet"', () => {
    const view = show([
      { id: 'ig_f', type: 'image_generation_call', status: 'failed', result: null, error: { type: 'image_generation_user_error', code: 'moderation_blocked', message: 'Your request was rejected by the safety system.', param: null, moderation_details: { categories: ['violence'], moderation_stage: 'input' } } },
      { id: 'ig_n', type: 'image_generation_call', status: 'failed', result: null },
      { id: 'ig_p', type: 'image_generation_call', status: 'generating', result: null },
    ]);
    const error = within(view('ig_f').getByRole('region', { name: 'Error' }));
    expect(error.getByText('Blocked by moderation')).toBeInTheDocument();
    expect(error.getByText('Your request was rejected by the safety system.')).toBeInTheDocument();
    expect(error.getByText(/Stage: input\. Categories: violence\./)).toBeInTheDocument();
    expect(view('ig_f').queryByText('No image yet.')).toBeNull();
    expect(view('ig_n').getByText(/failed; the API gave no reason/)).toBeInTheDocument();
    expect(view('ig_p').getByText('No image yet.')).toBeInTheDocument();
  });

  it.each(['constructor', '__proto__', 'toString'])('a message whose role is %s is an unknown role like any other', (role) => {
    const item = show([{ id: 'msg_r', type: 'message', role, status: 'completed', content: 'hi' }])('msg_r');
    expect(item.getByText(role)).toBeInTheDocument();
    expect(item.getByText('hi')).toBeInTheDocument();
  });

  it('configuration update: the reasoning effort and text format it sets', () => {
    const view = show([
      { id: 'cfg_1', type: 'configuration_update', reasoning: { effort: 'high' }, text: { format: { type: 'json_schema', name: 'ticket', strict: true, schema: { type: 'object', properties: { title: { type: 'string' } } } } } },
      { id: 'cfg_2', type: 'configuration_update', text: { format: { type: 'text' } } },
    ]);
    expect(view('cfg_1').getByText('Configuration update')).toBeInTheDocument();
    expect(view('cfg_1').getByText('high')).toBeInTheDocument();
    expect(view('cfg_1').getByText('JSON schema “ticket” (strict)')).toBeInTheDocument();
    expect(view('cfg_1').getByLabelText('Text format schema')).toHaveTextContent('title');
    expect(view('cfg_2').getByText('plain text')).toBeInTheDocument();
    expect(document.querySelector('[data-item-id="cfg_1"]')).not.toHaveAttribute('data-fallback');
  });

  it('an output whose call is not loaded shows its content with a note', () => {
    const item = show([{ id: 'fco_9', type: 'function_call_output', call_id: 'call_9', output: 'late' }])('fco_9');
    expect(item.getByText(/call_9 is not loaded/)).toBeInTheDocument();
    expect(item.getByLabelText('Output')).toHaveTextContent('late');
  });
});

describe('content parts', () => {
  it('images load only from safe URLs, lazily and without a referrer; file_id-only ones get a placeholder', () => {
    const item = show([
      {
        id: 'msg_img',
        type: 'message',
        role: 'user',
        content: [
          { type: 'input_image', image_url: 'https://img.example/cat.png', detail: 'auto' },
          { type: 'input_image', image_url: 'data:image/svg+xml;base64,PHN2Zz4=' },
          { type: 'input_image', file_id: 'file_img_1' },
          { type: 'input_file', file_id: 'file_doc_1', filename: 'build.log' },
        ],
      },
    ])('msg_img');
    const images = item.getAllByRole('img', { name: 'Image from the conversation' });
    expect(images[0]).toHaveAttribute('src', 'https://img.example/cat.png');
    expect(images[0]).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(images[0]).toHaveAttribute('loading', 'lazy');
    expect(item.getByText(/Image not shown/)).toBeInTheDocument();
    expect(document.querySelector('img[src^="data:image/svg"]')).toBeNull();
    expect(item.getByText('file_img_1')).toBeInTheDocument();
    expect(item.getByText('build.log')).toBeInTheDocument();
  });

  it('an image that fails to load says so and keeps its URL', () => {
    const item = show([{ id: 'msg_gone', type: 'message', role: 'user', content: [{ type: 'input_image', image_url: 'https://img.example/gone.png' }] }])('msg_gone');
    fireEvent.error(item.getByRole('img'));
    expect(item.getByText('The image could not be loaded.')).toBeInTheDocument();
    expect(item.getByText('https://img.example/gone.png')).toBeInTheDocument();
  });

  it('citations mark the cited span and list their sources; file citations name the file', () => {
    const text = 'Vite 8 ships Rolldown. See the runbook.';
    const item = show([
      {
        id: 'msg_cite',
        type: 'message',
        role: 'user',
        content: [{ type: 'output_text', text, annotations: [{ type: 'url_citation', url: 'https://vite.dev', title: 'Vite blog', start_index: 0, end_index: 22 }, { type: 'file_citation', file_id: 'file_1', filename: 'runbook.md', index: 38 }] }],
      },
    ])('msg_cite');
    expect(item.getAllByRole('link', { name: '[1]' })[0]).toHaveAttribute('href', 'https://vite.dev/');
    const sources = item.getByRole('list', { name: 'Sources' });
    expect(within(sources).getByRole('link', { name: 'Vite blog' })).toBeInTheDocument();
    expect(within(sources).getByText('runbook.md')).toBeInTheDocument();
  });

  it('assistant Markdown renders tables and code, neutralises javascript: links and shows raw HTML as text', async () => {
    const markdown = '| a | b |\n|---|---|\n| 1 | 2 |\n\n[bad](javascript:alert(1)) <b onclick="x()">bold</b>\n\n```ts\nconst x = 1;\n```';
    const item = show([{ id: 'msg_md', type: 'message', role: 'assistant', content: [{ type: 'output_text', text: markdown, annotations: [] }] }])('msg_md');
    expect(await item.findByRole('table', {}, LAZY)).toBeInTheDocument();
    expect(item.getByText('bad').closest('a')).toBeNull();
    expect(item.getByText(/<b onclick="x\(\)">/)).toBeInTheDocument();
    expect(document.querySelector('[onclick]')).toBeNull();
    expect(item.getByTitle('Copy code')).toHaveRole('button');
  });

  it('Markdown images load from PNG data: URLs but never from SVG ones', async () => {
    const markdown = `![chart](data:image/png;base64,${PNG}) and ![bad](data:image/svg+xml;base64,PHN2Zz4=)`;
    const item = show([{ id: 'msg_mdimg', type: 'message', role: 'assistant', content: markdown }])('msg_mdimg');
    expect(await item.findByRole('img', { name: 'chart' }, LAZY)).toHaveAttribute('src', `data:image/png;base64,${PNG}`);
    expect(item.queryByRole('img', { name: 'bad' })).toBeNull();
    expect(item.getByText(/Image not shown/)).toBeInTheDocument();
  });

  it('a citation whose URL has parentheses links to the whole URL', async () => {
    const text = 'See the spec.';
    const item = show([{ id: 'msg_paren', type: 'message', role: 'assistant', content: [{ type: 'output_text', text, annotations: [{ type: 'url_citation', url: 'https://en.wikipedia.org/wiki/QUIC_(protocol)', title: 'QUIC', start_index: 0, end_index: 12 }] }] }])('msg_paren');
    const marker = (await item.findAllByRole('link', { name: '[1]' }, LAZY))[0];
    expect(marker).toHaveAttribute('href', 'https://en.wikipedia.org/wiki/QUIC_(protocol)');
    expect(item.queryByText(/"citation"/)).toBeNull();
  });

  it('the Markdown switch shows the text as written', async () => {
    const item = show([{ id: 'msg_sw', type: 'message', role: 'assistant', content: '# Title\n\n- one' }])('msg_sw');
    expect(await item.findByRole('heading', { name: 'Title' }, LAZY)).toBeInTheDocument();
    await userEvent.click(item.getByRole('button', { name: 'Markdown' }));
    expect(item.queryByRole('heading')).toBeNull();
    expect(item.getByText(/# Title/)).toBeInTheDocument();
  });

  it('a megabyte of text is collapsed behind Show more and offers a download', async () => {
    const text = 'word '.repeat(200_000);
    const item = show([{ id: 'msg_big', type: 'message', role: 'assistant', content: text }])('msg_big');
    expect(item.getByText('Shown as plain text: too long to format as Markdown.')).toBeInTheDocument();
    expect(item.getByRole('button', { name: 'Show more (1,000,000 characters)' })).toBeInTheDocument();
    expect(item.getByRole('button', { name: 'Download' })).toBeInTheDocument();
    expect(screen.queryByText(text)).toBeNull();
  });
});

describe('tool outputs', () => {
  it('an output without a call_id says only that', () => {
    const view = show([{ id: 'fo_9', type: 'function_call_output', output: 'ok' }]);
    expect(view('fo_9').getByText('This function output has no call_id.')).toBeInTheDocument();
    expect(view('fo_9').queryByText(/not loaded/)).toBeNull();
  });

  it('an output whose call is not loaded shows alone and says so', () => {
    const view = show([{ id: 'fo_8', type: 'function_call_output', call_id: 'c8', output: 'ok' }]);
    expect(view('fo_8').getByText(/The function call c8 is not loaded/)).toBeInTheDocument();
  });

  it('folded, an output whose call is not loaded says what a call row would: its outcome, what failed and its size', () => {
    const store = createItemUiStore();
    const items: ConversationItem[] = [
      { id: 'fo_7', type: 'function_call_output', call_id: 'c7', output: '{"error":"ENOENT","message":"No such file"}' },
      { id: 'so_7', type: 'local_shell_call_output', call_id: 'c6', output: JSON.stringify({ stdout: '', stderr: 'boom', exit_code: 2 }) },
    ];
    const { article } = renderItems(items, null, ({ children }) => (
      <ItemUiStoreContext value={store}>
        <RowKeyContext value="row">{children}</RowKeyContext>
      </ItemUiStoreContext>
    ));
    const output = article('fo_7');
    expect(output).toHaveAttribute('data-collapsed', '');
    expect(within(output).getByText('error')).toBeInTheDocument();
    expect(within(output).getByTestId('failure-detail')).toHaveTextContent('No such file');
    expect(output.querySelector('[data-row-summary]')).toHaveTextContent('→ 43 B');
    expect(article('so_7').querySelector('[data-row-summary]')).toHaveTextContent(/exit 2.*boom/);
  });
});

describe('JSON', () => {
  it('keeps a short object on one line and a list of IDs on one wrapped line inside a tree', () => {
    const ids = Array.from({ length: 14 }, (_, i) => `run_${String(i).padStart(12, '0')}`);
    const list = [
      { id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"city":"Paris"}' },
      { id: 'fc_2', type: 'function_call', call_id: 'c2', name: 'g', arguments: JSON.stringify({ runs: ids, note: 'x'.repeat(90) }) },
    ];
    const view = show(list);
    expect(view('fc_1').getByLabelText('Arguments')).toHaveTextContent('{ "city": "Paris" }');
    const tree = view('fc_2').getByLabelText('Arguments');
    expect(tree.tagName).toBe('SECTION');
    expect([...tree.querySelectorAll('div')].some((line) => line.textContent === `"runs": ${JSON.stringify(ids).replaceAll(',', ', ')}`)).toBe(true);
  });
});

describe('direction controls in a tool row', () => {
  it("show as code points in the tool's name, as in a heading", () => {
    const row = show([{ id: 'fc_1', type: 'function_call', call_id: 'c1', name: 'report\u202Etxt.exe', arguments: '{}', status: 'completed' }])('fc_1');
    expect(row.getByText('report[U+202E]txt.exe()')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
