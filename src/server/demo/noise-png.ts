import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.byteLength, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/**
 * An RGB PNG of `width`×`height` pixels of noise, stored without compression, as base64: a large image made at start
 * (the hostile demo's 10 MB one) rather than carried in the server's bundle. The same seed draws the same picture.
 */
export function noisePng(width: number, height: number, seed = 0x9e3779b9): string {
  const row = width * 3 + 1;
  const pixels = Buffer.alloc(row * height);
  let state = seed >>> 0 || 1;
  for (let offset = 0; offset < pixels.byteLength; offset += 1) {
    // Each row starts with filter type 0, then the row's bytes as drawn.
    if (offset % row === 0) continue;
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    pixels[offset] = state & 0xff;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(pixels, { level: 0 })), chunk('IEND', Buffer.alloc(0))]);
  return png.toString('base64');
}
