import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('precompressDir', () => {
  it('writes a brotli and a gzip copy of each script, style sheet and SVG, the same bytes once decompressed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'precompress-'));
    mkdirSync(join(dir, 'nested'));
    const script = `export const words = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `word ${i}`))};\n`;
    writeFileSync(join(dir, 'index-abc.js'), script);
    writeFileSync(join(dir, 'nested', 'style-abc.css'), 'body { color: black; }\n'.repeat(100));
    writeFileSync(join(dir, 'tiny.js'), 'export {};\n');
    writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096, 7));

    const written = await precompressDir(dir);

    expect(written.map((entry) => entry.file).sort()).toEqual(['index-abc.js', join('nested', 'style-abc.css')]);
    for (const name of ['index-abc.js', join('nested', 'style-abc.css')]) {
      const original = readFileSync(join(dir, name));
      expect(brotliDecompressSync(readFileSync(join(dir, `${name}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(dir, `${name}.gz`)))).toEqual(original);
    }
    const entry = written.find((each) => each.file === 'index-abc.js')!;
    expect(entry.br).toBeLessThan(entry.gzip);
    expect(entry.gzip).toBeLessThan(entry.bytes / 3);
    // Too small to gain anything, or already packed: left as they are.
    for (const name of ['tiny.js', 'photo.png']) {
      expect(existsSync(join(dir, `${name}.br`))).toBe(false);
      expect(existsSync(join(dir, `${name}.gz`))).toBe(false);
    }
  });
});
