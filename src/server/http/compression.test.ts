import { createBrotliDecompress, createGunzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunkEncoding, chunkEncodingFor, compressedBody, compressedChunks, compressedResponse, isLoopback, type ChunkEncoding } from './compression.ts';

describe('chunkEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['br;q=1.0, gzip;q=0.8', 'br'],
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['*, br;q=0', 'gzip'],
    ['identity', null],
    ['deflate', null],
    ['br;q=0, gzip;q=0', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (header, expected) => {
    expect(chunkEncoding(header)).toBe(expected);
  });
});

describe('chunkEncodingFor', () => {
  it('sends nothing compressed to a client on this machine, and what it takes to any other', () => {
    for (const address of ['127.0.0.1', '127.4.5.6', '::1', '::ffff:127.0.0.1']) {
      expect(isLoopback(address)).toBe(true);
      expect(chunkEncodingFor('br, gzip', address)).toBeNull();
    }
    for (const address of ['10.0.0.7', '::ffff:10.0.0.7', '2001:db8::1', '1127.0.0.1', undefined, null, '']) {
      expect(isLoopback(address)).toBe(false);
      expect(chunkEncodingFor('gzip, br', address)).toBe('br');
    }
    expect(chunkEncodingFor('identity', '10.0.0.7')).toBeNull();
  });

  it('compresses for every client with VIEWER_COMPRESSION=always, and for none with off', () => {
    expect(chunkEncodingFor('gzip', '127.0.0.1', 'always')).toBe('gzip');
    expect(chunkEncodingFor('identity', '127.0.0.1', 'always')).toBeNull();
    expect(chunkEncodingFor('br', '10.0.0.7', 'off')).toBeNull();
    expect(chunkEncodingFor('br', '10.0.0.7', 'auto')).toBe('br');
  });
});

/** A decoder fed one compressed chunk at a time: what it has given out so far. */
function decoder(encoding: ChunkEncoding) {
  const stream = encoding === 'br' ? createBrotliDecompress() : createGunzip();
  let text = '';
  stream.on('data', (data: Buffer) => (text += data.toString()));
  return {
    feed: async (chunk: Uint8Array) => {
      stream.write(chunk);
      await new Promise<void>((resolve) => stream.flush(resolve));
      return text;
    },
    end: async () => {
      const ended = new Promise((resolve) => stream.on('end', resolve));
      stream.end();
      await ended;
      return text;
    },
  };
}

describe.each(['br', 'gzip'] as const)('compressedChunks, %s', (encoding) => {
  const lines = Array.from({ length: 3 }, (_, n) => `${JSON.stringify({ type: 'items', items: Array.from({ length: 200 }, (__, i) => ({ id: `msg_${n}_${i}`, text: 'hello world' })) })}\n`);

  it('gives out each chunk compressed and whole: the client reads it before the next one is made', async () => {
    const source = [...lines];
    const made: string[] = [];
    const chunks = compressedChunks(async () => {
      const line = source.shift();
      if (line === undefined) return null;
      made.push(line);
      return new TextEncoder().encode(line);
    }, encoding);
    const client = decoder(encoding);
    let sent = 0;
    for (let n = 0; n < lines.length; n += 1) {
      const chunk = (await chunks.next())!;
      sent += chunk.byteLength;
      // Everything made so far decodes now, with nothing held back for a later chunk.
      expect(await client.feed(chunk)).toBe(made.join(''));
    }
    const last = await chunks.next();
    if (last) await client.feed(last);
    expect(await chunks.next()).toBeNull();
    expect(await client.end()).toBe(lines.join(''));
    expect(sent).toBeLessThan(lines.join('').length / 5);
  });

  it('ends with nothing after an empty answer but a valid empty stream', async () => {
    const chunks = compressedChunks(async () => null, encoding);
    const client = decoder(encoding);
    const last = await chunks.next();
    expect(last).not.toBeNull();
    await client.feed(last!);
    expect(await client.end()).toBe('');
    expect(await chunks.next()).toBeNull();
  });

  it('ends a body with empty chunks in it, at its end too (a brotli flush of nothing is nothing)', async () => {
    const parts = ['', lines[0], '', '', lines[1], ''];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = parts.shift();
        if (part === undefined) controller.close();
        else controller.enqueue(new TextEncoder().encode(part));
      },
    });
    const client = decoder(encoding);
    const reader = compressedBody(body, encoding).getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      expect(value.byteLength).toBeGreaterThan(0);
      await client.feed(value);
    }
    expect(await client.end()).toBe(lines[0] + lines[1]);
  });

  it('passes on a failure of the producer, and can be closed', async () => {
    const chunks = compressedChunks(async () => Promise.reject(new Error('upstream went away')), encoding);
    await expect(chunks.next()).rejects.toThrow('upstream went away');
    expect(() => chunks.close()).not.toThrow();
  });
});

describe('compressedResponse', () => {
  const json = (text: string) => new Response(text, { headers: { 'content-type': 'application/json' } });
  const elsewhere = '192.0.2.7';

  it('sends JSON of unknown length under 1 KB as it is, and more compressed, the same once decoded', async () => {
    const small = await compressedResponse(json('{"object":"list","data":[]}'), 'br', elsewhere);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(small.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(await small.text()).toBe('{"object":"list","data":[]}');

    const text = JSON.stringify({ data: Array.from({ length: 100 }, (_, i) => ({ id: `msg_${i}` })) });
    const big = await compressedResponse(json(text), 'gzip', elsewhere);
    expect(big.headers.get('content-encoding')).toBe('gzip');
    const client = decoder('gzip');
    await client.feed(new Uint8Array(await big.arrayBuffer()));
    expect(await client.end()).toBe(text);
  });

  it('does not read a stream of JSON past its first kilobyte before answering', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new TextEncoder().encode(`[${'1,'.repeat(600)}`));
      },
    });
    const response = await compressedResponse(new Response(body, { headers: { 'content-type': 'application/json' } }), 'br', elsewhere);
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(pulls).toBeLessThanOrEqual(2);
    await response.body?.cancel();
  });
});
