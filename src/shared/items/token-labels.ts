import { formatSize } from './byte-size.ts';

/**
 * What the page and the exports say of a token count: small, for the first rows. The counting itself
 * (token-counts, token-text) loads with the text index, off the page's thread where it can.
 */

/** What a token count is, wherever one is shown. */
export const TOKENIZER_NOTE =
  'Counted with the o200k_base tokenizer (GPT-4o and later). Providers count differently and add overhead per message, so this is an estimate.';

/** Data that is not text to a model's tokenizer: images, ciphertext, other base64. Counted in bytes, not tokens. */
export interface OpaqueData {
  kind: 'image' | 'encrypted' | 'data';
  /** The bytes it holds, decoded: an image's size is that of the image file, as its row says. */
  bytes: number;
}

/** "image, 150 KB": the opaque data an item holds, as its row shows it beside its tokens. */
export function describeOpaque(opaque: OpaqueData): string {
  return `${opaque.kind}, ${formatSize(opaque.bytes)}`;
}
