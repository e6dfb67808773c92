import agentRun from './conversations/agent-run.json' with { type: 'json' };
import aliceAndBob from './conversations/alice-and-bob.json' with { type: 'json' };
import forkedRunGood from './conversations/forked-run-good.json' with { type: 'json' };
import forkedRunSideways from './conversations/forked-run-sideways.json' with { type: 'json' };
import citationsAndReasoning from './conversations/citations-and-reasoning.json' with { type: 'json' };
import hostilePayloads from './conversations/hostile-payloads.json' with { type: 'json' };
import longSupportThread from './conversations/long-support-thread.json' with { type: 'json' };
import markdownAnswer from './conversations/markdown-answer.json' with { type: 'json' };
import streamingStates from './conversations/streaming-states.json' with { type: 'json' };
import tripPlanning from './conversations/trip-planning.json' with { type: 'json' };
import weatherToolCall from './conversations/weather-tool-call.json' with { type: 'json' };
import type { DemoExample } from '../routes/api-routes.ts';
import { asStored, type DemoConversation, type StoredItem } from './emulator.ts';
import { longLine, loremText } from './filler-text.ts';
import { noisePng } from './noise-png.ts';

type GeneratedPart = { generated?: unknown; length?: number };

/** A content part whose text is drawn when the demo starts: `{type, generated: 'lorem' | 'long-line', length}`. */
function withGeneratedText(part: unknown): unknown {
  const { generated, length = 0, ...rest } = part as GeneratedPart & Record<string, unknown>;
  if (generated === 'lorem') return { ...rest, text: loremText(length) };
  if (generated === 'long-line') return { ...rest, text: longLine(length) };
  return part;
}

/** Large values are drawn when the demo starts, not carried in the files (and so in the server's bundle): `{generated, …}` marks them. */
function withGenerated(item: StoredItem): StoredItem {
  const { result, content } = item as { result?: { generated?: unknown; width?: number; height?: number }; content?: unknown };
  if (Array.isArray(content) && content.some((part) => (part as GeneratedPart | null)?.generated)) return { ...item, content: content.map(withGeneratedText) } as StoredItem;
  if (result?.generated !== 'noise-png') return item;
  return { ...item, result: noisePng(result.width ?? 1, result.height ?? 1) };
}

/** The demo conversations as the files hold them, in the order the home page lists them. */
const DEMO_FILES = [
  tripPlanning,
  agentRun,
  forkedRunGood,
  forkedRunSideways,
  markdownAnswer,
  citationsAndReasoning,
  weatherToolCall,
  streamingStates,
  longSupportThread,
  aliceAndBob,
  hostilePayloads,
] as unknown as DemoConversation[];

let drawn: DemoConversation[] | undefined;

/**
 * The demo conversations, their items as the API stores them, large values drawn on the first call (about a third of
 * a second and tens of megabytes): a viewer without the demo source, and a module that only lists them, never pays.
 */
export function demoConversations(): DemoConversation[] {
  drawn ??= DEMO_FILES.map((demo) => ({ ...demo, items: demo.items.map((item) => asStored(withGenerated(item))) }));
  return drawn;
}

/** What the home page lists; drawing a large value does not change how many items a conversation has. */
export const demoExamples: DemoExample[] = DEMO_FILES.map(({ title, description, conversation, items }) => ({
  id: conversation.id,
  title,
  description,
  itemCount: items.length,
}));
