import { toEpochMilliseconds } from '../../lib/timestamps.ts';
import { stringifyJson } from '../../lib/stringify-deep.ts';
import { itemKind, itemLabel, pairKey } from '../items/item-catalog.ts';
import { CallMatcher } from '../items/tool-pairs.ts';
import { outcomeOf } from '../items/tool-summary.ts';
import type { SourceKind } from '../contract/shapes.ts';
import type { ExportItem, ExportMeta } from './export-document.ts';
import { formatCount } from '../format.ts';

type Loose = Record<string, unknown>;
type Attribute = { key: string; value: { stringValue: string } | { intValue: string } };
type Part = Record<string, unknown> & { type: string };
type Message = { role: string; parts: Part[]; finish_reason?: string };

/** The latest time, in milliseconds, whose unix nanoseconds still fit in 64 bits (the year 2554), less a margin for the items. */
const LATEST_MS = 18_000_000_000_000;

/** OTLP/JSON enums are numbers: SPAN_KIND_INTERNAL, SPAN_KIND_CLIENT; STATUS_CODE_ERROR. */
const INTERNAL = 1;
const CLIENT = 3;
const ERROR = 2;

/**
 * `gen_ai.provider.name` for each kind of source: the conventions' well-known names where there is one. The demo and a
 * generic compatible upstream name no provider, so the attribute is left out for them.
 */
const PROVIDER_NAMES: Partial<Record<SourceKind, string>> = { openai: 'openai', azure: 'azure.ai.openai', dashscope: 'alibaba_cloud.dashscope' };

/** Tool items that list or offer tools, or answer an approval: no tool ran, so no span. */
const NOT_CALLS = new Set(['mcp_list_tools', 'additional_tools', 'mcp_approval_request', 'mcp_approval_response']);

/** Tools the caller's own code runs: the model writes the arguments, the client acts and sends the answer back. */
const CLIENT_TOOLS = new Set(['function_call', 'custom_tool_call', 'computer_call', 'local_shell_call', 'shell_call', 'apply_patch_call', 'tool_search_call']);

/**
 * `gen_ai.tool.type` by the GenAI conventions' definitions: `function` for a tool the client runs (a shell in a
 * hosted container, or a tool search the server ran, is the provider's); `datastore` for one that queries data for
 * retrieval (file search over vector stores); `extension` for one the provider runs against the world outside
 * (web search, code interpreter, image generation, a remote MCP server).
 */
function toolType(call: Loose): 'function' | 'extension' | 'datastore' {
  if (call.type === 'file_search_call') return 'datastore';
  const hosted = (call.environment as Loose | null | undefined)?.type === 'container_reference' || call.execution === 'server';
  return CLIENT_TOOLS.has(String(call.type)) && !hosted ? 'function' : 'extension';
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : stringifyJson(value));

/** FNV-1a, 64 bits, as hex: stable IDs from the conversation ID, so the same conversation always gives the same trace. */
function fnv64(input: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < input.length; i += 1) hash = BigInt.asUintN(64, (hash ^ BigInt(input.charCodeAt(i))) * 0x100000001b3n);
  return hash.toString(16).padStart(16, '0');
}

/**
 * The longest attribute value written whole. Collectors and backends drop or refuse larger ones (Tempo's
 * `max_attribute_bytes`, request size limits), and a generated image's base64 would be most of the file.
 */
export const MAX_ATTRIBUTE_CHARS = 64 * 1024;

/**
 * The first `MAX_ATTRIBUTE_CHARS` of a text, as a string of its own: a plain slice of a long string may keep the whole
 * of it alive (an engine's sliced string), which is what holding only the start is for. The JSON round trip keeps
 * every code unit, a lone surrogate included.
 */
const headOf = (long: string): string => (long.length > MAX_ATTRIBUTE_CHARS ? (JSON.parse(JSON.stringify(long.slice(0, MAX_ATTRIBUTE_CHARS))) as string) : long);

/** A value known by its start and its whole length, not held whole: a turn's messages (see `CappedMessages`). */
interface Known {
  head: string;
  length: number;
}

type AttributeValue = string | number | Known | null | undefined;

function attributes(values: Record<string, AttributeValue>): Attribute[] {
  const list: Attribute[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === 'number') list.push({ key, value: { intValue: String(value) } });
    else if (value === null || value === undefined) continue;
    else {
      const { head, length } = typeof value === 'string' ? { head: value, length: value.length } : value;
      if (length > MAX_ATTRIBUTE_CHARS) {
        list.push({ key, value: { stringValue: `${head.slice(0, MAX_ATTRIBUTE_CHARS)}… [cut: ${formatCount(length)} characters in all]` } });
        list.push({ key: `${key}.length`, value: { intValue: String(length) } });
      } else list.push({ key, value: { stringValue: head } });
    }
  }
  return list;
}

/**
 * A turn's messages, held only as far as their attribute shows: its first `MAX_ATTRIBUTE_CHARS` of JSON. Later parts
 * are counted, not kept, so a long agent turn (one user message, then thousands of calls and answers) costs the
 * export no more memory than a short one. `json()` is the kept JSON, whose start is the whole JSON's, and the whole
 * one's length.
 */
class CappedMessages {
  private readonly messages: Message[] = [];
  /** Characters of parts kept: past the attribute's length, what follows is only counted. */
  private kept = 0;
  /** Characters the parts not kept add to the whole JSON. */
  private counted = 0;
  /** Per message, its parts so far, kept or not: a part after the first adds a comma. */
  private readonly partCounts = new WeakMap<Message, number>();

  push(message: Message, parts: readonly Part[] = []): void {
    this.messages.push(message);
    this.partCounts.set(message, 0);
    this.addParts(message, parts);
  }

  /** Appends parts to `message`, the last one pushed (a message only grows while it is the newest). */
  addParts(message: Message, parts: readonly Part[]): void {
    // A loop, not push(...parts): one item may hold hundreds of thousands of parts.
    for (const part of parts) {
      const before = this.partCounts.get(message) ?? 0;
      this.partCounts.set(message, before + 1);
      if (this.kept >= MAX_ATTRIBUTE_CHARS) {
        this.counted += stringifyJson(part).length + (before > 0 ? 1 : 0);
        continue;
      }
      const whole = stringifyJson(part).length;
      const held = whole > MAX_ATTRIBUTE_CHARS ? cutFields(part) : part;
      const heldLength = held === part ? whole : stringifyJson(held).length;
      message.parts.push(held);
      this.kept += heldLength;
      this.counted += whole - heldLength;
    }
  }

  get empty(): boolean {
    return this.messages.length === 0;
  }

  json(): Known {
    const head = stringifyJson(this.messages);
    return { head, length: head.length + this.counted };
  }
}

/**
 * A part with each string field past the attribute's length cut to it: its JSON starts as the whole part's does for
 * longer than the attribute shows, since a cut field still holds that many characters.
 */
function cutFields(part: Part): Part {
  const cut: Part = { ...part };
  for (const [key, value] of Object.entries(part)) if (typeof value === 'string' && value.length > MAX_ATTRIBUTE_CHARS) cut[key] = headOf(value);
  return cut;
}

/** A `data:` URL's bytes in base64 (a screenshot, an attached file), wherever it sits in a text or a JSON text. */
const DATA_URL = /data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,[A-Za-z0-9+/]+=*/g;

/** An embedded file's data would be most of the file and no collector keeps it: said, not written. */
function withoutDataUrls(value: string): string {
  return value.includes('data:') ? value.replace(DATA_URL, (url) => `[embedded data, ${formatCount(url.length)} characters, not included]`) : value;
}

function contentParts(content: unknown): Part[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  if (!Array.isArray(content)) return [];
  return content.flatMap((part): Part[] => {
    const p = part && typeof part === 'object' ? (part as Loose) : null;
    if (!p) return typeof part === 'string' ? [{ type: 'text', content: part }] : [];
    if (typeof p.text === 'string') return [{ type: 'text', content: p.text }];
    if (typeof p.refusal === 'string') return [{ type: 'text', content: p.refusal }];
    if (typeof p.image_url === 'string' && !p.image_url.startsWith('data:')) return [{ type: 'uri', modality: 'image', uri: p.image_url }];
    // An embedded image's data would be most of the file and no collector keeps it: said, not written.
    if (typeof p.image_url === 'string') return [{ type: 'text', content: `[embedded image, ${formatCount(p.image_url.length)} characters, not included]` }];
    return [{ type: String(p.type ?? 'unknown'), content: withoutDataUrls(stringifyJson(p)) }];
  });
}

/** Where a tool call holds what it was asked to do: its arguments, or what a built-in tool carries instead. */
const ARGUMENT_FIELDS = ['arguments', 'input', 'action', 'operation', 'code', 'queries'];

/** What a tool call was asked to do. */
function callArguments(item: Loose): string {
  for (const field of ARGUMENT_FIELDS) if (item[field] !== undefined) return text(item[field]);
  return '';
}

/**
 * A call waiting for its answer, held no larger than its span needs: arguments longer than their attribute shows (a
 * large patch) as their start and length, and the call without them. A run whose outputs were left out answers none.
 */
function heldCall(call: Loose, args: string): { item: Loose; args: Known } {
  const known = { head: headOf(args), length: args.length };
  if (args.length <= MAX_ATTRIBUTE_CHARS) return { item: call, args: known };
  const item: Loose = {};
  for (const [key, value] of Object.entries(call)) if (!ARGUMENT_FIELDS.includes(key)) item[key] = value;
  return { item, args: known };
}

/**
 * What a tool answered; null when it holds no answer (none yet, or a snapshot left it out), not an empty one. A
 * screenshot or file it answered with as a `data:` URL is a note of its size.
 */
function callResult(item: Loose): string | null {
  for (const field of ['output', 'result', 'results', 'outputs', 'tools', 'error']) if (item[field] !== undefined && item[field] !== null) return withoutDataUrls(text(item[field]));
  return null;
}

interface Turn {
  spanId: string;
  start: number;
  input: CappedMessages;
  output: CappedMessages;
  failed: string | null;
  /** Holds a user message: before the first one, items belong to the turn it will open. */
  numbered: boolean;
  /** The assistant's message that output items join until the next input (a message or a tool's answer). */
  answer: Message | null;
  /** That message holds a call whose answer comes as an item of its own, in the next input. */
  answerCalls: boolean;
}

/**
 * One model response's output items (reasoning, tool calls, text) as one output message, as the conventions map a
 * response; it finishes as its last part does: a tool call, a cut-off text, or a stop.
 */
function answerOf(turn: Turn): Message {
  if (turn.answer) return turn.answer;
  turn.answer = { role: 'assistant', parts: [], finish_reason: 'stop' };
  turn.answerCalls = false;
  turn.output.push(turn.answer);
  return turn.answer;
}

/**
 * How an assistant's message finished, by its status: cut off ('length'), failed ('error'), still being written (not
 * finished: 'in_progress', a value past the conventions' known ones, which they allow), or done ('stop').
 */
function finishReason(status: unknown): string {
  return status === 'incomplete' ? 'length' : status === 'failed' ? 'error' : status === 'in_progress' ? 'in_progress' : 'stop';
}

/**
 * OTLP/JSON (an ExportTraceServiceRequest) following the OpenTelemetry GenAI semantic conventions: one trace per
 * conversation under an `invoke_agent` span, a `chat` span per turn, an `execute_tool` span per tool call. Items carry
 * no timestamps, so each item takes one millisecond from the conversation's creation time, in conversation order.
 */
export function createOtlpExporter(meta: ExportMeta) {
  const conversationId = meta.conversation.id ?? null;
  // A snapshot read without the author's sign-in does not say its conversation's ID: the snapshot's own ID keeps its
  // trace the same from one export to the next all the same.
  const traceKey = conversationId ?? (meta.snapshot ? `snapshot:${meta.snapshot.id}` : meta.exported_at);
  const traceId = fnv64(`trace:${traceKey}`) + fnv64(`trace2:${traceKey}`);
  const rootId = fnv64(`${traceId}:root`);
  const exported = Date.parse(meta.exported_at);
  const created = toEpochMilliseconds(meta.conversation.created_at);
  // A creation time past what 64 bits of unix nanoseconds hold (one in nanoseconds, read as milliseconds) would make
  // the request invalid: the spans are timed from the export instead.
  const base = created !== null && created < LATEST_MS ? created : Number.isFinite(exported) ? exported : 0;
  const nanos = (index: number) => `${Math.round(base) + index}000000`;
  const outputsLeftOut = (meta.snapshot?.left_out?.tool_outputs ?? 0) > 0 || meta.rules?.content.includes('tool_outputs') === true;
  const common = { 'gen_ai.conversation.id': conversationId, 'gen_ai.provider.name': meta.source.kind ? PROVIDER_NAMES[meta.source.kind] : null };
  /** Calls without an answer yet, paired as the viewer pairs them: the turn they belong to, and where it ended once it has. */
  const waiting = new CallMatcher<{ item: Loose; args: Known; index: number; parent: string; until: number | null }>();
  /** The calls made since the turn began: the turn's end ends those still unanswered (only these can be without an end). */
  let madeThisTurn: { until: number | null }[] = [];
  let index = 0;
  let spans = 0;
  let turn: Turn | null = null;
  let turns = 0;

  function span(fields: { spanId: string; parentSpanId?: string; name: string; kind: number; start: number; end: number; attributes: Record<string, AttributeValue>; error?: string | null }): string {
    const json = stringifyJson({
      traceId,
      spanId: fields.spanId,
      parentSpanId: fields.parentSpanId,
      name: fields.name,
      kind: fields.kind,
      startTimeUnixNano: nanos(fields.start),
      endTimeUnixNano: nanos(Math.max(fields.end, fields.start + 1)),
      attributes: attributes({ ...common, ...fields.attributes }),
      status: fields.error ? { code: ERROR, message: fields.error } : {},
    });
    return `${spans++ === 0 ? '' : ',\n'}${json}`;
  }

  function toolSpan(call: Loose, output: Loose | undefined, start: number, end: number, parent = turn?.spanId ?? rootId, args: Known | string = callArguments(call)): string {
    const name = str(call.name) ?? itemLabel(String(call.type));
    const outcome = outcomeOf(call as { type: string }, output as { type: string } | undefined);
    const failed = outcome?.failed ? outcome.text : null;
    const result = output ? callResult(output) : callResult(call);
    return span({
      spanId: fnv64(`${traceId}:${start}`),
      parentSpanId: parent,
      name: `execute_tool ${name}`,
      kind: INTERNAL,
      start,
      end,
      error: failed,
      attributes: {
        'gen_ai.operation.name': 'execute_tool',
        'gen_ai.tool.name': name,
        'gen_ai.tool.call.id': str(call.call_id) ?? str(call.id),
        'gen_ai.tool.type': toolType(call),
        'gen_ai.tool.call.arguments': args,
        'gen_ai.tool.call.result': result,
        // A snapshot that left tool outputs out: the answer is not missing, it was not shared.
        'conversation_viewer.left_out': result === null && outputsLeftOut ? 'tool output' : null,
        // Which MCP server the tool is on: two servers may offer a tool of the same name.
        'conversation_viewer.mcp.server_label': str(call.server_label),
        'error.type': failed,
        'conversation_viewer.item.type': String(call.type),
      },
    });
  }

  /**
   * Ends the open turn with its chat span. Its calls still without an answer wait on: an answer can come after the next
   * user message, and the call's span then holds it, inside this turn's time.
   */
  function closeTurn(end: number): string {
    let out = '';
    for (const call of madeThisTurn) call.until ??= end;
    madeThisTurn = [];
    if (!turn) return out;
    const { spanId, start, input, output, failed } = turn;
    turn = null;
    return (
      out +
      span({
        spanId,
        parentSpanId: rootId,
        name: 'chat',
        kind: CLIENT,
        start,
        end,
        error: failed,
        attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.input.messages': input.json(), 'gen_ai.output.messages': output.json(), 'error.type': failed },
      })
    );
  }

  function openTurn(start: number): Turn {
    turns += 1;
    turn = { spanId: fnv64(`${traceId}:turn:${turns}`), start, input: new CappedMessages(), output: new CappedMessages(), failed: null, numbered: false, answer: null, answerCalls: false };
    return turn;
  }

  return {
    begin: () =>
      `{"resourceSpans":[{"resource":{"attributes":${stringifyJson(attributes({ 'service.name': 'conversation-viewer', 'conversation_viewer.source': meta.source.label ?? meta.source.id }))}},` +
      `"scopeSpans":[{"scope":{"name":"conversation-viewer.export","version":"1"},"spans":[\n`,
    item(item: ExportItem): string {
      const it = item as Loose;
      const at = index++;
      let out = '';
      // A user message opens a turn, as in the viewer; what comes before the first one belongs to the first.
      const opensTurn = item.type === 'message' && it.role === 'user';
      if (opensTurn && turn?.numbered) out += closeTurn(at);
      const current = turn ?? openTurn(at);
      current.numbered ||= opensTurn;
      if (item.type === 'message') {
        const role = str(it.role) ?? 'unknown';
        if (role === 'assistant') {
          const answer = answerOf(current);
          current.output.addParts(answer, contentParts(it.content));
          answer.finish_reason = finishReason(it.status);
          if (it.status === 'incomplete' || it.status === 'failed') current.failed = String(it.status);
        } else {
          current.input.push({ role, parts: [] }, contentParts(it.content));
          current.answer = null;
        }
        return out;
      }
      if (itemKind(it as { type: string }) === 'reasoning') {
        const summary = Array.isArray(it.summary) ? it.summary : [];
        const parts = [...contentParts(summary), ...contentParts(it.content)].map((part) => ({ type: 'reasoning', content: part.content ?? '' }));
        // Reasoning after a call the client runs (a function's, a shell's) opens the next response: the call's answer
        // is an input, maybe left out by a share's rules. After a built-in tool's call it goes on in the same response.
        if (current.answerCalls) current.answer = null;
        if (parts.length) current.output.addParts(answerOf(current), parts);
        return out;
      }
      // An approval is the user's answer between two responses.
      if (item.type === 'mcp_approval_response') current.answer = null;
      if (itemKind(it as { type: string }) !== 'tools' || NOT_CALLS.has(item.type)) return out;
      const pair = pairKey(it as { type: string });
      const callId = str(it.call_id) ?? str(it.id);
      if (pair?.side === 'output') {
        const call = waiting.answer(pair.key);
        current.input.push({ role: 'tool', parts: [] }, [{ type: 'tool_call_response', id: callId, response: callResult(it) }]);
        current.answer = null;
        return out + (call ? toolSpan(call.item, it, call.index, Math.min(at + 1, call.until ?? Infinity), call.parent, call.args) : toolSpan(it, it, at, at + 1));
      }
      const answer = answerOf(current);
      const args = callArguments(it);
      current.output.addParts(answer, [{ type: 'tool_call', id: callId, name: str(it.name) ?? itemLabel(item.type), arguments: args }]);
      answer.finish_reason = 'tool_call';
      if (pair) {
        current.answerCalls = true;
        const call = { ...heldCall(it, args), index: at, parent: current.spanId, until: null };
        waiting.call(pair.key, call);
        madeThisTurn.push(call);
        return out;
      }
      return out + toolSpan(it, undefined, at, at + 1);
    },
    end(): string {
      let out = closeTurn(index);
      // Calls that were never answered end with the turn they were made in.
      for (const calls of waiting.unanswered()) for (const call of calls) out += toolSpan(call.item, undefined, call.index, call.until ?? index, call.parent, call.args);
      waiting.clear();
      const root = span({
        spanId: rootId,
        name: 'invoke_agent',
        kind: INTERNAL,
        start: 0,
        end: index,
        attributes: {
          'gen_ai.operation.name': 'invoke_agent',
          'conversation_viewer.items': index,
          'conversation_viewer.turns': turns,
          'conversation_viewer.title': meta.title,
          // A snapshot's original run: its failures may be in outputs it left out, so its spans' errors do not show them.
          'conversation_viewer.original.items': meta.snapshot?.original?.items,
          'conversation_viewer.original.failures': meta.snapshot?.original?.failures,
        },
      });
      return `${out}${root}\n]}]}]}\n`;
    },
  };
}
