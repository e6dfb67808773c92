import { alignRuns } from '../src/features/compare/lib/align-runs.ts';
import type { ConversationItem } from '../src/features/transcript/types.ts';

const ITEMS = 10_000;
const TOOLS = ['read_file', 'run_tests', 'search_code', 'apply_patch', 'list_dir'];

/** An agent run of about `ITEMS` items: a user turn, then reasoning, tool calls with outputs and a reply, over and over. */
function agentRun(variant: (step: number) => string, tag: string): ConversationItem[] {
  const items: ConversationItem[] = [];
  let step = 0;
  let serial = 0;
  const id = (prefix: string) => `${prefix}_${tag}${(serial += 1).toString(16)}`;
  while (items.length < ITEMS) {
    const text = variant(step);
    if (step % 8 === 0) items.push({ id: id('msg'), type: 'message', role: 'user', status: 'completed', content: [{ type: 'input_text', text: `Task ${step}: ${text}` }] });
    const callId = id('call');
    const name = TOOLS[step % TOOLS.length];
    items.push({ id: id('fc'), type: 'function_call', call_id: callId, name, arguments: JSON.stringify({ path: `src/module-${step}.ts`, note: text }), status: 'completed' });
    items.push({ id: id('fco'), type: 'function_call_output', call_id: callId, output: JSON.stringify({ ok: true, lines: step * 3, text: `${text} `.repeat(20) }) });
    items.push({ id: id('msg'), type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: `Step ${step} done: ${text}. `.repeat(6), annotations: [] }] });
    step += 1;
  }
  return items.slice(0, ITEMS);
}

const base = (step: number) => `checked the code path number ${step}`;
const scenarios: [string, () => [ConversationItem[], ConversationItem[]]][] = [
  ['identical', () => [agentRun(base, 'a'), agentRun(base, 'b')]],
  ['forked at item ~5,000, then scattered edits', () => [agentRun(base, 'a'), agentRun((s) => (s > 1700 && s % 25 === 0 ? `changed step ${s}` : base(s)), 'b')]],
  ['every 10th step different', () => [agentRun(base, 'a'), agentRun((s) => (s % 10 === 3 ? `other ${s}` : base(s)), 'b')]],
  ['forked at item ~60, nothing shared after', () => [agentRun(base, 'a'), agentRun((s) => (s < 20 ? base(s) : `another road ${s}`), 'b')]],
  ['same steps, every tool output different', () => [agentRun(base, 'a'), agentRun((s) => `${base(s)} (run b)`, 'b')]],
];

console.log(`Aligning two ${ITEMS.toLocaleString('en')}-item runs (${process.version}):`);
for (const [name, make] of scenarios) {
  const [a, b] = make();
  alignRuns(a, b);
  const times: number[] = [];
  let last = alignRuns(a, b);
  for (let round = 0; round < 3; round += 1) {
    last = alignRuns(a, b);
    times.push(last.millis);
  }
  const counts = { same: 0, changed: 0, 'only-a': 0, 'only-b': 0 };
  for (const row of last.rows) counts[row.diff] += 1;
  const median = times.sort((x, y) => x - y)[1];
  console.log(`  ${name}: ${median.toFixed(0)} ms (median of 3; ${last.rows.length.toLocaleString('en')} rows: ${counts.same} same, ${counts.changed} changed, ${counts['only-a']} only in A, ${counts['only-b']} only in B)`);
}
