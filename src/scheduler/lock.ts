// One `followthru run` per store: two daemons would both send the digest. The lock is a file beside the store that
// holds the holder's pid, created atomically (written aside, then hard-linked into place, so nobody ever reads it
// half-written). A lock whose pid is gone (kill -9, a power cut) is stale and taken over; the takeover moves the
// file aside first and puts it back if it turns out a live daemon had just taken it, so two starters never both win.
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { FollowthruError } from '../errors.js';

export interface StoreLock {
  readonly path: string;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): void;
}

export const lockPathFor = (storePath: string): string => `${storePath}.lock`;

/** Is `pid` a running process, and (where /proc says) a followthru one? A reused pid of another program is not. */
export function isLiveDaemon(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('followthru');
  } catch {
    return true; // no /proc (macOS) or not ours to read: the pid alone decides
  }
}

const readPid = (path: string): number | null => {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
};

/** The live followthru that holds `storePath`'s run lock (not this process), or null: no lock, or a stale one. */
export function storeLockHolder(storePath: string, isAlive = isLiveDaemon): number | null {
  const pid = readPid(lockPathFor(storePath));
  return pid !== null && pid !== process.pid && isAlive(pid) ? pid : null;
}

const held = (storePath: string, lock: string, pid: number) =>
  new FollowthruError(
    'ELOCKED',
    `another followthru run (pid ${pid}) already uses the store ${storePath}: only one daemon may run per store — stop that one first (if pid ${pid} is no followthru, delete ${lock})`,
  );

const ignoreMissing = (job: () => void) => {
  try {
    job();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
};

export function acquireStoreLock(storePath: string, pid = process.pid, isAlive = isLiveDaemon): StoreLock {
  const path = lockPathFor(storePath);
  const mine = `${path}.${pid}`;
  writeFileSync(mine, `${pid}\n`, { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, path); // atomic, and fails when a lock exists
        return ownLock(path, pid);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readPid(path);
      if (holder !== null && holder !== pid && isAlive(holder)) throw held(storePath, path, holder);
      // Stale (or unreadable): move it aside, then make sure what we moved was not a live daemon's fresh lock.
      const aside = `${path}.${pid}.stale`;
      try {
        renameSync(path, aside);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw error;
      }
      const moved = readPid(aside);
      if (moved !== null && moved !== holder && moved !== pid && isAlive(moved)) {
        ignoreMissing(() => linkSync(aside, path));
        ignoreMissing(() => unlinkSync(aside));
        throw held(storePath, path, moved);
      }
      ignoreMissing(() => unlinkSync(aside));
    }
    throw new FollowthruError('ELOCKED', `could not take the lock ${path}: it keeps changing hands`);
  } finally {
    ignoreMissing(() => unlinkSync(mine));
  }
}

function ownLock(path: string, pid: number): StoreLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    if (readPid(path) === pid) ignoreMissing(() => unlinkSync(path));
  };
  // Also on process.exit() (the SIGTERM backstop): a lock left by a clean exit would look live to nobody, but
  // removing it spares the next start the stale check.
  process.on('exit', release);
  return { path, release };
}
