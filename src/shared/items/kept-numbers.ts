/** A JSON text's strings and, between them, its numbers as written; only ever run on text JSON.parse has read. */
const JSON_STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

export interface KeptNumbers {
  /** The value, each number in it a marker string. */
  parsed: unknown;
  /** Each marker and the number it stands for, as written. */
  numbers: Map<string, string>;
  /** JSON written from `parsed`, with each marker's number as written in its place. */
  write: (json: string) => string;
}

/**
 * JSON text read with each number standing as a marker string, on any engine: written out again, a number keeps the
 * digits it was written with, where parsing would round an order ID of 20 digits and write `1.50` as `1.5`. `parsed`
 * is the text already read (kept as it is when the text holds no number).
 */
export function parseKeepingNumbers(text: string, parsed: unknown): KeptNumbers {
  let marker = `\uE000${Math.random().toString(36).slice(2)}_`;
  while (text.includes(marker)) marker += '\uE000';
  const numbers = new Map<string, string>();
  const marked = text.replace(JSON_STRING_OR_NUMBER, (token) => {
    if (token[0] === '"') return token;
    const stand = `${marker}${numbers.size}`;
    numbers.set(stand, token);
    return `"${stand}"`;
  });
  const pattern = new RegExp(`"${marker}\\d+"`, 'g');
  return {
    parsed: numbers.size ? JSON.parse(marked) : parsed,
    numbers,
    write: (json) => (numbers.size ? json.replace(pattern, (stand) => numbers.get(stand.slice(1, -1)) ?? stand) : json),
  };
}
