import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** What is worth compressing: scripts, style sheets, JSON and SVG, from 1 KB up. Images and fonts are already packed. */
const COMPRESSIBLE = /\.(?:js|mjs|css|json|svg|txt|wasm)$/;
const MIN_BYTES = 1024;
/** Above this size brotli's slowest level costs seconds a file for a percent or two: one level lower. */
const LARGE_BYTES = 512 * 1024;

/**
 * Writes a `.br` and a `.gz` beside every compressible file of `dir` (the built client's assets), for the server to
 * send in place of the file when the browser accepts them (`serveStatic`'s `precompressed`). Done once at build, so a
 * request costs the server no compression. Returns what it wrote: each file's size as built, as brotli and as gzip.
 */
export async function precompressDir(dir: string): Promise<{ file: string; bytes: number; br: number; gzip: number }[]> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => COMPRESSIBLE.test(name));
  const written = [];
  // Two at a time: zlib's work runs on libuv's threads, so both cores of a small machine are used.
  for (let start = 0; start < names.length; start += 2) {
    written.push(
      ...(await Promise.all(
        names.slice(start, start + 2).map(async (name) => {
          const path = join(dir, name);
          const content = await readFile(path);
          if (content.length < MIN_BYTES) return null;
          const quality = content.length > LARGE_BYTES ? 9 : constants.BROTLI_MAX_QUALITY;
          const [br, gz] = await Promise.all([
            brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
            gzipAsync(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
          return { file: name, bytes: content.length, br: br.length, gzip: gz.length };
        }),
      )),
    );
  }
  return written.filter((entry) => entry !== null);
}
