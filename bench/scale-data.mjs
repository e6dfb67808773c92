// A deterministic agent run for `npm run bench:scale`: user turns, reasoning summaries, tool calls with JSON
// arguments and outputs, and Markdown answers with headings, lists and code fences, in the Conversations API's
// item shapes. The same count always gives the same items and IDs.

/** A small seeded generator (mulberry32), so every run measures the same conversation. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FILES = ['src/cart/totals.ts', 'src/checkout/submit.ts', 'src/api/client.ts', 'src/app.ts', 'test/cart.test.ts', 'src/pricing/tax.ts'];
const TOOLS = ['read_file', 'run_tests', 'search_code', 'list_directory', 'apply_patch', 'get_ci_run'];
const WORDS = 'the cart total is computed twice when a coupon applies so the rounding drifts by one cent and the snapshot test fails on every branch that touches pricing'.split(' ');
// Search for "orchid-7": only the planted answer holds it, while "orchid-0" to "orchid-9" (without 7) are everywhere,
// so the last keystroke is the one that sends the view from the first rows to item ~45,000.
const POOLS = ['orchid-0', 'orchid-1', 'orchid-2', 'orchid-3', 'orchid-4', 'orchid-5', 'orchid-6', 'orchid-8', 'orchid-9'];
export const NEEDLE_WORD = 'orchid-7';

function hex(next, length) {
  let text = '';
  while (text.length < length) text += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

function sentence(next, min, max) {
  const length = min + Math.floor(next() * (max - min));
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  return `${words.join(' ').replace(/^./, (letter) => letter.toUpperCase())}.`;
}

function pick(next, list) {
  return list[Math.floor(next() * list.length)];
}

function answerMarkdown(next, turn, extra = '') {
  const file = pick(next, FILES);
  const steps = 2 + Math.floor(next() * 4);
  return [
    `## Step ${turn + 1}: ${sentence(next, 3, 7).slice(0, -1)}`,
    '',
    `${sentence(next, 12, 30)} See \`${file}\` on pool ${pick(next, POOLS)}.${extra}`,
    '',
    ...Array.from({ length: steps }, (_, index) => `${index + 1}. **${pick(next, TOOLS)}**: ${sentence(next, 5, 14)}`),
    '',
    '```ts',
    `export function total${turn}(lines: Line[], coupon?: Coupon): number {`,
    `  const subtotal = lines.reduce((sum, line) => sum + line.price * line.quantity, 0);`,
    `  return Math.round((coupon ? subtotal * (1 - coupon.rate) : subtotal) * 100) / 100;`,
    '}',
    '```',
    '',
    `- ${sentence(next, 4, 10)}`,
    `- ${sentence(next, 4, 10)}`,
  ].join('\n');
}

function toolArguments(next, name) {
  if (name === 'read_file') return { path: pick(next, FILES), start_line: 1 + Math.floor(next() * 200), end_line: 240 };
  if (name === 'run_tests') return { command: 'npm test -- --run', filter: pick(next, FILES) };
  if (name === 'search_code') return { query: pick(next, WORDS), glob: 'src/**/*.ts' };
  if (name === 'apply_patch') return { path: pick(next, FILES), patch: `@@ -1,3 +1,3 @@\n-${sentence(next, 3, 8)}\n+${sentence(next, 3, 8)}` };
  return { path: pick(next, ['src', 'test', 'src/cart']), recursive: next() < 0.5 };
}

function toolOutput(next, name) {
  if (name === 'read_file') {
    return { lines: Array.from({ length: 6 + Math.floor(next() * 14) }, (_, index) => `${index + 1}  ${sentence(next, 3, 10)}`).join('\n') };
  }
  if (name === 'run_tests') {
    const failed = Math.floor(next() * 3);
    return { exit_code: failed ? 1 : 0, passed: 180 + Math.floor(next() * 10), failed, pool: pick(next, POOLS), duration_ms: Math.floor(next() * 90_000) };
  }
  if (name === 'get_ci_run') return { run: 4000 + Math.floor(next() * 900), status: pick(next, ['success', 'failure']), pool: pick(next, POOLS) };
  return { matches: Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({ file: pick(next, FILES), line: Math.floor(next() * 300), text: sentence(next, 4, 9) })) };
}

/**
 * `count` items of an agent run: each turn is a user message, then one to three rounds of reasoning and a tool
 * call with its output, then a Markdown answer. The first answer at or after
 * 90% of the way (item 45,000 of 50,000) holds NEEDLE_WORD.
 */
export function generateAgentRun(count) {
  const next = random(20_251_126);
  const items = [];
  let needle = null;
  const needleAt = Math.floor(count * 0.9);
  const id = (prefix) => `${prefix}_${items.length.toString(16).padStart(6, '0')}${hex(next, 34)}`;
  for (let turn = 0; items.length < count; turn += 1) {
    items.push({ id: id('msg'), type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: sentence(next, 6, 24) }] });
    for (let round = 1 + Math.floor(next() * 3); round > 0; round -= 1) {
      items.push({ id: id('rs'), type: 'reasoning', summary: [{ type: 'summary_text', text: `**${sentence(next, 2, 5).slice(0, -1)}**\n\n${sentence(next, 10, 40)}` }] });
      const name = pick(next, TOOLS);
      const callId = `call_${hex(next, 24)}`;
      items.push({ id: id('fc'), type: 'function_call', call_id: callId, name, arguments: JSON.stringify(toolArguments(next, name)), status: 'completed' });
      items.push({ id: id('fco'), type: 'function_call_output', call_id: callId, output: JSON.stringify(toolOutput(next, name)), status: 'completed' });
    }
    const plant = needle === null && items.length >= needleAt;
    const answer = { id: id('msg'), type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: answerMarkdown(next, turn, plant ? ` The flaky run was on pool ${NEEDLE_WORD}.` : ''), annotations: [], logprobs: [] }] };
    if (plant) needle = { word: NEEDLE_WORD, itemId: answer.id, index: items.length };
    items.push(answer);
  }
  items.length = count;
  return { items, needle };
}
