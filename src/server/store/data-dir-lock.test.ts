import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirInUse, LOCK_FILE, lockDataDir } from './data-dir-lock.ts';

const root = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'viewer-lock-'));
  dirs.push(dir);
  return join(dir, 'data');
}

/** The real server, from its source, as `npm start` runs it; resolves once it listens or has exited. */
function startViewer(dataDir: string) {
  const child = spawn(process.execPath, [join(root, 'node_modules/jiti/lib/jiti-cli.mjs'), join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', VIEWER_DATA_DIR: dataDir },
  });
  children.push(child);
  let output = '';
  return new Promise<{ child: ChildProcess; listening: boolean; output: string; code: number | null }>((done) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Conversation Viewer: http')) done({ child, listening: true, output, code: null });
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => done({ child, listening: false, output, code }));
  });
}

describe('two viewers on one VIEWER_DATA_DIR', () => {
  it('the second refuses to start, saying the directory is in use and how to share a store; a crashed one leaves no lock stuck', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const first = await startViewer(dataDir);
    expect(first.listening).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: first.child.pid });

    const second = await startViewer(dataDir);
    expect(second.listening).toBe(false);
    expect(second.code).toBe(1);
    expect(second.output).toContain(`Conversation Viewer cannot start. VIEWER_DATA_DIR ${dataDir} is in use by another Conversation Viewer (process ${first.child.pid}`);
    expect(second.output).toContain('DATABASE_URL');

    // A crash: no chance to remove the lock.
    first.child.kill('SIGKILL');
    await new Promise((exited) => first.child.once('exit', exited));
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);
    const third = await startViewer(dataDir);
    expect(third.listening).toBe(true);
    third.child.kill('SIGTERM');
    await new Promise((exited) => third.child.once('exit', exited));
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('a lock from another host is respected while its holder keeps it fresh, and taken over once it goes quiet', () => {
    const dataDir = tempDir();
    lockDataDir(dataDir)();
    const lock = join(dataDir, LOCK_FILE);
    writeFileSync(lock, JSON.stringify({ pid: 1, host: 'another-host', started: '2026-01-01T00:00:00.000Z' }));
    expect(() => lockDataDir(dataDir)).toThrow(DataDirInUse);
    const longAgo = new Date(Date.now() - 10 * 60_000);
    utimesSync(lock, longAgo, longAgo);
    const release = lockDataDir(dataDir);
    expect(JSON.parse(readFileSync(lock, 'utf8'))).toMatchObject({ pid: process.pid });
    release();
    expect(existsSync(lock)).toBe(false);
  });
});
