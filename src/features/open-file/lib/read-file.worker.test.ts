import { afterEach, describe, expect, it, vi } from 'vitest';
import { receivedMessage, type PostedMessage, type ReadFileMessage } from './file-messages';
import './read-file.worker';

/** The worker's answers to one file, each passed through a structured clone as `postMessage` does, then read as the page reads them. */
async function answersTo(text: string): Promise<ReadFileMessage[]> {
  const posted: PostedMessage[] = [];
  vi.spyOn(self, 'postMessage').mockImplementation((message: unknown) => void posted.push(structuredClone(message) as PostedMessage));
  await (self.onmessage as (event: { data: { file: Blob } }) => Promise<void>)({ data: { file: new Blob([text]) } });
  return posted.map(receivedMessage);
}

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const exportFile = (conversation: string, items: string) =>
  `{"format":"conversation-viewer/1","exported_at":"2026-01-01T00:00:00Z","title":null,"source":{"id":null,"label":null},"conversation":${conversation},"items":${items}}`;
const message = '{"id":"msg_1","type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}';

afterEach(() => vi.restoreAllMocks());

describe('reading a file off the page’s thread', () => {
  it('hands over a conversation nested too deep for a structured clone as JSON text, with its items', async () => {
    const answers = await answersTo(exportFile(`{"id":"conv_1","metadata":${nested(50_000)}}`, `[${message}]`));
    expect(answers.map((answer) => answer.type)).toEqual(['first', 'done']);
    const first = answers[0] as Extract<ReadFileMessage, { type: 'first' }>;
    expect(first.conversation.id).toBe('conv_1');
    expect(first.items).toEqual([JSON.parse(message)]);
  });

  it('hands over an item nested too deep for a structured clone as JSON text', async () => {
    const deep = `{"id":"fc_1","type":"function_call","call_id":"call_1","name":"f","arguments":"{}","extra":${nested(50_000)}}`;
    const answers = await answersTo(exportFile('{"id":"conv_1"}', `[${message},${deep}]`));
    expect(answers.map((answer) => answer.type)).toEqual(['first', 'done']);
    expect((answers[0] as Extract<ReadFileMessage, { type: 'first' }>).items).toHaveLength(2);
  });

  it('answers with a failure, never with silence, when the file cannot be handed over at all', async () => {
    const answers: PostedMessage[] = [];
    vi.spyOn(self, 'postMessage').mockImplementation((posted: unknown) => {
      if ((posted as PostedMessage).type !== 'failed') throw new RangeError('Maximum call stack size exceeded');
      answers.push(posted as PostedMessage);
    });
    await (self.onmessage as (event: { data: { file: Blob } }) => Promise<void>)({ data: { file: new Blob([exportFile('{"id":"conv_1"}', `[${message}]`)]) } });
    expect(answers).toEqual([{ type: 'failed', message: expect.stringContaining('could not be read') }]);
  });
});
