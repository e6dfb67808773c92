import { describe, expect, it } from 'vitest';
import { topLevelArrayText } from './top-level-array-text.ts';

describe('topLevelArrayText', () => {
  it('finds the array as written, wherever the member stands', () => {
    const items = '[{"id":"msg_1","n":1.50,"s":"a \\"] } [ {\\\\"}, {"data":[2]} ]';
    expect(topLevelArrayText(`{"object":"list","data":${items},"has_more":false}`, 'data')).toBe(items);
    expect(topLevelArrayText(`{"data":${items}}`, 'data')).toBe(items);
    expect(topLevelArrayText(` { "first_id" : null , "meta": {"data": [9], "x": [[], {}]}, "data" : ${items} , "last" : -1e3 } `, 'data')).toBe(items);
  });

  it('takes the last of repeated names, as JSON.parse does, also when a name is escaped', () => {
    expect(topLevelArrayText('{"data":[1],"data":[2],"x":true}', 'data')).toBe('[2]');
    expect(topLevelArrayText('{"data":[1],"d\\u0061ta":[3]}', 'data')).toBe('[3]');
    expect(topLevelArrayText('{"data":[1],"data":"no"}', 'data')).toBeNull();
  });

  it('answers null where there is no array of that name, or its text spans lines', () => {
    expect(topLevelArrayText('{"object":"list"}', 'data')).toBeNull();
    expect(topLevelArrayText('[{"data":[1]}]', 'data')).toBeNull();
    expect(topLevelArrayText('{"data":{"0":1}}', 'data')).toBeNull();
    expect(topLevelArrayText('{"data":[\n1]}', 'data')).toBeNull();
    expect(topLevelArrayText('{"data":[1,\r2]}', 'data')).toBeNull();
    // Line breaks elsewhere do not matter.
    expect(topLevelArrayText('{\n  "object": "list",\n  "data": [1, 2],\n  "has_more": false\n}', 'data')).toBe('[1, 2]');
  });

  it('agrees with JSON.parse on generated pages', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const strings = ['', '"', '\\', '\\"', '"]}', '[{', 'data', '\u2028', 'é', '😀', '\n', 'a\\\\'];
    const value = (depth: number): unknown => {
      const roll = next();
      if (depth > 3 || roll < 0.3) return strings[Math.floor(next() * strings.length)] + String(Math.floor(next() * 10));
      if (roll < 0.4) return Math.floor(next() * 1000) / 7;
      if (roll < 0.45) return [null, true, false][Math.floor(next() * 3)];
      if (roll < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(next() * 4) }, () => [strings[Math.floor(next() * strings.length)], value(depth + 1)]));
    };
    for (let round = 0; round < 500; round += 1) {
      const page = { before: value(0), data: Array.from({ length: Math.floor(next() * 5) }, () => value(1)), after: value(0) };
      const text = JSON.stringify(page, null, round % 5 === 0 ? 1 : 0);
      const spread = round % 5 === 0 && page.data.length > 0;
      const found = topLevelArrayText(text, 'data');
      expect(spread ? found : JSON.parse(found!)).toEqual(spread ? null : page.data);
    }
  });
});
