import { describe, expect, it } from 'vitest';
import { inlineJson } from './inline-json';
import { parseKeepingNumbers } from './kept-numbers';
import { isJsonNode, KEEP_NUMBERS_UP_TO, mayChangeNumbers, parseJson, WrittenNumber } from './written-number';

const TEXT = '{"order_id": 12345678901234567890, "price": 10.00, "count": 3, "ratio": 0.25, "big": 1E3, "zero": -0, "small": 1e-7}';

describe('parseJson', () => {
  it('keeps each number JavaScript would change as written, and reads the others as numbers', () => {
    const value = parseJson(TEXT) as Record<string, unknown>;
    expect(value.order_id).toEqual(new WrittenNumber('12345678901234567890'));
    expect(String(value.order_id)).toBe('12345678901234567890');
    expect(String(value.price)).toBe('10.00');
    expect(String(value.big)).toBe('1E3');
    expect(String(value.zero)).toBe('-0');
    expect(value.count).toBe(3);
    expect(value.ratio).toBe(0.25);
    expect(value.small).toBe(1e-7);
  });

  it('keeps a fraction under a millionth and a number of 16 digits or more around its point', () => {
    expect(parseJson('[0.00000015, 1234567890.12345678, 12345.123456789012345, 0.5, 123456.789]')).toEqual([
      new WrittenNumber('0.00000015'),
      new WrittenNumber('1234567890.12345678'),
      new WrittenNumber('12345.123456789012345'),
      0.5,
      123456.789,
    ]);
  });

  it('reads JSON nested too deep for a reviver as JSON.parse does, rather than calling it invalid', () => {
    const deep = `${'['.repeat(20_000)}1.0${']'.repeat(20_000)}`;
    expect(Array.isArray(parseJson(deep))).toBe(true);
  });

  it('reads JSON without such numbers as JSON.parse does', () => {
    expect(parseJson('{"id": 9007199254740991, "v": 1.5, "s": "10.00 1E3"}')).toEqual({ id: 9007199254740991, v: 1.5, s: '10.00 1E3' });
    expect(() => parseJson('{"id": 12345678901234567890')).toThrow(SyntaxError);
  });

  it('keeps a number as written at the top and in lists', () => {
    expect(parseJson('10.00')).toEqual(new WrittenNumber('10.00'));
    expect(parseJson('[12345678901234567890, 1]')).toEqual([new WrittenNumber('12345678901234567890'), 1]);
  });

  it('says a number kept as written is a plain value, not a node to open', () => {
    expect(isJsonNode(new WrittenNumber('10.00'))).toBe(false);
    expect(isJsonNode({})).toBe(true);
    expect(isJsonNode([])).toBe(true);
    expect(isJsonNode(null)).toBe(false);
  });

  it('shows the numbers as written on one line', () => {
    expect(inlineJson(parseJson('{"id": 12345678901234567890, "price": 10.00}'), 80)).toBe('{ "id": 12345678901234567890, "price": 10.00 }');
  });
});

describe('mayChangeNumbers', () => {
  it('looks for long digit runs, fractions ending in 0, exponents and minus zero', () => {
    const may = ['[12345678901234567]', '[1.50]', '[10.0]', '[1e3]', '[2E-9]', '[-0]'];
    const mayNot = ['[123456789012345]', '[1.5]', '[-0.5]', '[100]', '{"a": "b"}'];
    expect([...may, ...mayNot].filter(mayChangeNumbers)).toEqual(may);
  });

  it('reads a text longer than 64 kB as JavaScript does: keeping its numbers would cost the page ten times the reading', () => {
    const long = `{"id": 12345678901234567890, "pad": "${'x'.repeat(KEEP_NUMBERS_UP_TO)}"}`;
    expect(mayChangeNumbers(long)).toBe(false);
    expect((parseJson(long) as { id: unknown }).id).toBe(Number('12345678901234567890'));
  });
});

describe('parseKeepingNumbers', () => {
  it('writes the value out again with every number as written, on any engine', () => {
    const kept = parseKeepingNumbers(TEXT, JSON.parse(TEXT));
    expect(kept.write(JSON.stringify(kept.parsed))).toBe(
      '{"order_id":12345678901234567890,"price":10.00,"count":3,"ratio":0.25,"big":1E3,"zero":-0,"small":1e-7}',
    );
  });

  it('leaves numbers inside strings, and a marker-like string, alone', () => {
    const text = '{"note": "call 12345678901234567890 at 10.00", "n": 1.0}';
    const kept = parseKeepingNumbers(text, JSON.parse(text));
    expect(kept.write(JSON.stringify(kept.parsed))).toBe('{"note":"call 12345678901234567890 at 10.00","n":1.0}');
  });
});
