import { estimateTokens, loadTokenizer } from '../shared/items/token-counts';
import type { FromTokenCounter, ToTokenCounter } from './token-count-protocol';

self.onmessage = async (event: MessageEvent<ToTokenCounter>) => {
  const { id, texts } = event.data;
  let answer: FromTokenCounter;
  try {
    const count = await loadTokenizer();
    answer = { id, counts: texts.map((text) => estimateTokens(text, count)) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
