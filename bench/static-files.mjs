// `npm run bench:static`: what the built viewer's server spends to send the app's files, the way a browser asks for
// them (keep-alive, brotli accepted): each script and style sheet a transcript's first load names, asked for over and
// over, 8 at a time. Beside it, in the same run, the floor: a bare `node:http` server that holds the same files in
// memory and only writes them. Five alternating rounds after a warm-up; the figure is each server process's CPU time
// (user + system, from /proc) per request, which other work on the machine barely moves. Loopback only; stops by
// itself within 3 minutes. Usage: npm run build && node bench/static-files.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchLifetime, startViewer } from './bench-processes.mjs';

const REQUESTS = 3_000;
const AT_ONCE = 8;
const ROUNDS = 5;
const root = fileURLToPath(new URL('..', import.meta.url));
const preloads = JSON.parse(readFileSync(join(root, 'dist/page-preloads.json'), 'utf8'));
const files = [...new Set(Object.values(preloads).flat())].filter((file) => /^assets\/.+\.(?:js|css)$/.test(file));
if (files.length === 0) throw new Error('dist/page-preloads.json names no files: run npm run build first.');

const { cleanups, finish } = benchLifetime(3);
const emptyDir = mkdtempSync(join(tmpdir(), 'bench-static-'));
cleanups.push(() => rmSync(emptyDir, { recursive: true, force: true }));
const viewer = await startViewer({ root, parentDir: emptyDir, env: { VIEWER_DEMO: 'on', VIEWER_DATA_DIR: join(emptyDir, 'data') }, cleanups });

// The floor: the same bytes (brotli where the build wrote a copy), the same kind of headers, nothing else.
const floorSource = `
  const { createServer } = require('node:http');
  const { existsSync, readFileSync } = require('node:fs');
  const { join } = require('node:path');
  const dir = ${JSON.stringify(join(root, 'dist/client'))};
  const held = new Map();
  for (const file of ${JSON.stringify(files)}) {
    const br = existsSync(join(dir, file + '.br'));
    held.set('/' + file, { body: readFileSync(join(dir, br ? file + '.br' : file)), br, type: file.endsWith('.css') ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8' });
  }
  const server = createServer((req, res) => {
    const file = held.get(req.url);
    if (!file) { res.writeHead(404); return res.end(); }
    const headers = { 'content-type': file.type, 'content-length': file.body.length, 'cache-control': 'public, max-age=31536000, immutable', vary: 'accept-encoding' };
    if (file.br) headers['content-encoding'] = 'br';
    res.writeHead(200, headers);
    res.end(file.body);
  });
  server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
`;
const floorChild = spawn(process.execPath, ['-e', floorSource], { stdio: ['ignore', 'pipe', 'inherit'] });
cleanups.push(() => floorChild.kill('SIGTERM'));
const floorUrl = await new Promise((resolve) => floorChild.stdout.once('data', (chunk) => resolve(String(chunk).trim())));

/** A process's CPU time so far (user + system), in ms. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

const agent = new Agent({ keepAlive: true, maxSockets: AT_ONCE });
function get(base, path) {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/${path}`, { agent, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => (res.statusCode === 200 ? resolve(bytes) : reject(new Error(`${path}: HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

/** CPU per request of the server at `base` (process `pid`), over `count` requests spread across the files. */
async function round(base, pid, count) {
  const before = cpuMs(pid);
  let next = 0;
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      while (next < count) await get(base, files[next++ % files.length]);
    }),
  );
  return (cpuMs(pid) - before) / count;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
await round(viewer.url, viewer.child.pid, 500);
await round(floorUrl, floorChild.pid, 500);
const viewerMs = [];
const floorMs = [];
for (let index = 0; index < ROUNDS; index += 1) {
  viewerMs.push(await round(viewer.url, viewer.child.pid, REQUESTS));
  floorMs.push(await round(floorUrl, floorChild.pid, REQUESTS));
}
const fixed = (ms) => `${ms.toFixed(3)} ms`;
console.log(`${files.length} files (the scripts and style sheets the pages name), ${REQUESTS} requests a round, ${AT_ONCE} at a time, brotli accepted`);
console.log(`rounds, viewer:       ${viewerMs.map(fixed).join(', ')}`);
console.log(`rounds, bare node:http: ${floorMs.map(fixed).join(', ')}`);
console.log(`server CPU per request, median of ${ROUNDS}: viewer ${fixed(median(viewerMs))}, bare node:http holding the files ${fixed(median(floorMs))} (${(median(viewerMs) / median(floorMs)).toFixed(2)}×)`);
agent.destroy();
finish();
