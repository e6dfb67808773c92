import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** The file in VIEWER_DATA_DIR that says which viewer process has the embedded database open. */
export const LOCK_FILE = 'viewer.lock';
/** The holder touches its lock this often, so a lock from a crashed process on another host is known stale. */
const HEARTBEAT_MS = 10_000;
const STALE_AFTER_MS = 6 * HEARTBEAT_MS;

interface LockInfo {
  pid: number;
  host: string;
  started: string;
}

/** Directories this process holds, with how many viewers in it use each: one process may open its store twice. */
const held = new Map<string, { users: number; info: LockInfo; heartbeat: ReturnType<typeof setInterval> }>();

export class DataDirInUse extends Error {}

function readLock(path: string): { info: LockInfo | null; ageMs: number } | null {
  try {
    const ageMs = Date.now() - statSync(path).mtimeMs;
    try {
      const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
      return { info: typeof info?.pid === 'number' && typeof info.host === 'string' ? info : null, ageMs };
    } catch {
      return { info: null, ageMs };
    }
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists, it belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock nobody holds any more: its process is gone (same host), or it has not been touched for a minute. */
function isStale(lock: { info: LockInfo | null; ageMs: number }): boolean {
  if (lock.ageMs > STALE_AFTER_MS) return true;
  const { info } = lock;
  if (!info || info.host !== hostname()) return false;
  // Our own pid, not held by us: a restarted container that got the pid its crashed predecessor had.
  return info.pid === process.pid ? true : !isAlive(info.pid);
}

function inUse(directory: string, path: string, info: LockInfo | null): DataDirInUse {
  const who = info ? `process ${info.pid} on ${info.host}, since ${info.started}` : 'a process that is starting';
  return new DataDirInUse(
    `VIEWER_DATA_DIR ${directory} is in use by another Conversation Viewer (${who}). The embedded database serves one ` +
      `process only, so two viewers on one directory would lose snapshots. To run several viewers on one store, set ` +
      `DATABASE_URL to a PostgreSQL server for all of them; otherwise give each its own VIEWER_DATA_DIR. If no viewer ` +
      `is running there, delete ${path}.`,
  );
}

/** Moves a stale lock out of the way, unless another process replaced it in the meantime. */
function takeOver(path: string, stale: LockInfo | null): boolean {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch {
    return true;
  }
  const moved = readLock(aside);
  if (moved && JSON.stringify(moved.info) !== JSON.stringify(stale)) {
    // A fresh lock, written after ours was judged stale: give it back.
    renameSync(aside, path);
    return false;
  }
  rmSync(aside, { force: true });
  return true;
}

function removeIfOurs(path: string, info: LockInfo) {
  if (JSON.stringify(readLock(path)?.info) === JSON.stringify(info)) rmSync(path, { force: true });
}

/**
 * Takes VIEWER_DATA_DIR for this process, or throws DataDirInUse when another live viewer has it. The lock file
 * holds the pid, the host and the start time; a lock whose process is gone is taken over. Returns the release.
 */
export function lockDataDir(dir: string): () => void {
  const directory = resolve(dir);
  const path = join(directory, LOCK_FILE);
  const release = () => {
    const entry = held.get(directory);
    if (!entry || --entry.users > 0) return;
    held.delete(directory);
    clearInterval(entry.heartbeat);
    removeIfOurs(path, entry.info);
  };
  const mine = held.get(directory);
  if (mine) {
    mine.users += 1;
    return release;
  }
  mkdirSync(directory, { recursive: true });
  const info: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  for (let attempt = 0; ; attempt += 1) {
    try {
      const fd = openSync(path, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(info)}\n`);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const lock = readLock(path);
      if (attempt >= 2 || (lock && !isStale(lock))) throw inUse(directory, path, lock?.info ?? null);
      if (lock && !takeOver(path, lock.info)) throw inUse(directory, path, readLock(path)?.info ?? null);
    }
  }
  const heartbeat = setInterval(() => {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // The directory went away; the store reports that itself.
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();
  held.set(directory, { users: 1, info, heartbeat });
  return release;
}

// A viewer that exits without closing (an uncaught error, process.exit) leaves no lock behind.
process.once('exit', () => {
  for (const [directory, entry] of held) removeIfOurs(join(directory, LOCK_FILE), entry.info);
});
