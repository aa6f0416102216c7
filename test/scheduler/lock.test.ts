import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireStoreLock, isLiveDaemon, lockPathFor } from '../../src/scheduler/lock.js';

describe('one daemon per store: the lock file', () => {
  let dir: string;
  let store: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-lock-'));
    store = join(dir, 'followthru.db');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const alive = (pids: number[]) => (pid: number) => pids.includes(pid);

  it('is created beside the store, 0600, holding the pid, and removed on release', () => {
    const lock = acquireStoreLock(store, 4242, alive([]));
    expect(lock.path).toBe(`${store}.lock`);
    expect(readFileSync(lock.path, 'utf8').trim()).toBe('4242');
    expect(readFileSync(lock.path).length).toBeGreaterThan(0);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lock.release(); // twice is harmless
  });

  it('refuses a second holder while the first lives, naming its pid', () => {
    const first = acquireStoreLock(store, 100, alive([100]));
    expect(() => acquireStoreLock(store, 200, alive([100, 200]))).toThrow(/pid 100/);
    try {
      acquireStoreLock(store, 200, alive([100, 200]));
    } catch (error) {
      expect(error).toMatchObject({ code: 'ELOCKED' });
    }
    expect(readFileSync(first.path, 'utf8').trim()).toBe('100');
    first.release();
  });

  it.each([
    ['a crashed holder (pid gone)', '31337\n'],
    ['an empty file', ''],
    ['garbage', 'not a pid'],
  ])('takes over a stale lock: %s', (_name, content) => {
    writeFileSync(lockPathFor(store), content);
    const lock = acquireStoreLock(store, 300, alive([300]));
    expect(readFileSync(lock.path, 'utf8').trim()).toBe('300');
    lock.release();
  });

  it('does not remove a lock that is no longer its own', () => {
    const lock = acquireStoreLock(store, 400, alive([]));
    writeFileSync(lock.path, '500\n'); // someone took it over meanwhile
    lock.release();
    expect(readFileSync(lock.path, 'utf8').trim()).toBe('500');
  });

  it('leaves no temporary files behind', () => {
    acquireStoreLock(store, 600, alive([])).release();
    expect(existsSync(`${lockPathFor(store)}.600`)).toBe(false);
  });
});

describe('isLiveDaemon', () => {
  it('a pid above the kernel maximum (2^22) is no live daemon', () => {
    expect(isLiveDaemon(2 ** 22 + 12345)).toBe(false);
  });
});
