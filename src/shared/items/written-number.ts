/**
 * A JSON number as its text writes it, where JavaScript's reading would show another: an order ID of 20 digits
 * rounded, `10.00` as `10`, `1E3` as `1000`. A JSON box shows it, and the search reads it, as written.
 */
export class WrittenNumber {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

/**
 * Text that may hold a number a reading would change: 16 digits or more (a decimal point among them), a fraction
 * under a millionth (read as `1.5e-7`), a fraction ending in 0, an exponent, -0. A number of 15 significant digits or
 * fewer, written without them, reads back as written.
 */
const MAY_CHANGE = /\d[\d.]{15}|\.0{6}|\.\d*0(?!\d)|\d[eE]|-0(?![.\d])/;

/**
 * Past this length a JSON text is read as JavaScript reads it. Keeping its numbers costs ten times the reading
 * (15 ms for 90 kB of numbers in Chromium, 84 ms for 900 kB), and the page reads a JSON box on its own thread.
 */
export const KEEP_NUMBERS_UP_TO = 64_000;

/** Whether JSON text may hold a number that JavaScript's reading would change (a quick look; it may say yes wrongly). */
export const mayChangeNumbers = (text: string) => text.length <= KEEP_NUMBERS_UP_TO && MAY_CHANGE.test(text);

/**
 * `JSON.parse`, keeping each number JavaScript would change as a `WrittenNumber` (in a text of up to 64 kB). That needs
 * the engine to give a reviver each value's source text (every current browser does); without it, numbers read as
 * JavaScript reads them.
 */
export function parseJson(text: string): unknown {
  if (!mayChangeNumbers(text)) return JSON.parse(text);
  try {
    return JSON.parse(text, (_key: string, value: unknown, context?: { source?: string }) =>
      typeof value === 'number' && context?.source && context.source !== String(value) ? new WrittenNumber(context.source) : value,
    );
  } catch (error) {
    // A reviver walks the value recursively: JSON nested thousands of levels deep is still JSON, read without one.
    if (error instanceof RangeError) return JSON.parse(text);
    throw error;
  }
}

/** An object or a list that a JSON tree opens, not a plain value (nor a number kept as written). */
export function isJsonNode(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !(value instanceof WrittenNumber);
}
