import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { noisePng } from './noise-png.ts';

describe('noisePng', () => {
  it('draws a valid PNG of the size asked for, the same for the same seed', () => {
    const png = Buffer.from(noisePng(30, 20, 7), 'base64');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([30, 20]);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('latin1')).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength)).byteLength).toBe((30 * 3 + 1) * 20);
    expect(noisePng(30, 20, 7)).toBe(noisePng(30, 20, 7));
    expect(noisePng(30, 20, 8)).not.toBe(noisePng(30, 20, 7));
  });
});
