// The user's data through the real binary: backup never overwrites, restore checks first and keeps the old
// store, a damaged store says so once with the fix, and the reading commands work on a read-only store.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdtemp, open, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const NOW = ['--now', '2026-11-16T13:30:00Z'];

async function makeStore(dir: string): Promise<{ config: string; store: string }> {
  const store = join(dir, 'followthru.db');
  const config = join(dir, 'config.json');
  await writeFile(
    config,
    JSON.stringify({
      me: ['dana@northwind-solar.example'],
      timezone: 'America/Chicago',
      logLevel: 'warn',
      store: { path: store },
      imap: { host: 'imap.northwind-solar.example', user: 'dana', passwordEnv: 'UNUSED' },
      digest: { deliver: 'imap' },
    }),
    { mode: 0o600 },
  );
  const seeded = await cli(['sync', '--config', config, '--from', resolve('sample/mailbox'), ...NOW]);
  expect(seeded.code).toBe(0);
  return { config, store };
}

const itemCount = async (config: string): Promise<number> =>
  (JSON.parse((await cli(['list', '--config', config, '--json', '--status', 'all'])).stdout) as unknown[]).length;

/** Overwrites `length` bytes at `offset` with 0xFF: a damaged page in the middle, the header left intact. */
async function damage(file: string, offset: number, length: number): Promise<void> {
  const handle = await open(file, 'r+');
  await handle.write(Buffer.alloc(length, 0xff), 0, length, offset);
  await handle.close();
}

describe('backup', () => {
  let dir: string;
  let config: string;
  let store: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-safety-'));
    ({ config, store } = await makeStore(dir));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('refuses to write onto the live store (or its -wal), and leaves it whole', async () => {
    const before = await itemCount(config);
    for (const target of [store, `${store}-wal`, join(dir, '.', 'followthru.db')]) {
      const { code, stderr } = await cli(['backup', '--config', config, target, '--force']);
      expect(code).toBe(2);
      expect(stderr).toMatch(/live store's own file.*fix: name another file/);
    }
    expect(await itemCount(config)).toBe(before);
  });

  it('refuses to replace an existing file without --force, replaces it with --force', async () => {
    const existing = join(dir, 'existing.txt');
    await writeFile(existing, 'my notes');
    const refused = await cli(['backup', '--config', config, existing]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/already exists — fix: .*--force/);
    expect(await readFile(existing, 'utf8')).toBe('my notes');
    const forced = await cli(['backup', '--config', config, existing, '--force']);
    expect(forced.code).toBe(0);
    expect((await readFile(existing)).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});

describe('restore and a damaged store', () => {
  let dir: string;
  let config: string;
  let store: string;
  let backup: string;
  let items: number;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-restore-'));
    ({ config, store } = await makeStore(dir));
    items = await itemCount(config);
    backup = join(dir, 'backup.db');
    expect((await cli(['backup', '--config', config, backup])).code).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('a store damaged in the middle stops sync with one message that names the fix', async () => {
    await damage(store, 4096 * 3, 4096);
    const { code, stderr } = await cli(['sync', '--config', config, '--from', resolve('sample/mailbox'), ...NOW]);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/is damaged .* — fix: restore your latest backup with `followthru restore BACKUP_FILE`/);
  });

  it('a garbage store: every command says the same, and doctor still prints its whole checklist', async () => {
    await writeFile(store, Buffer.alloc(20_000, 'garbage '));
    await rm(`${store}-wal`, { force: true });
    await rm(`${store}-shm`, { force: true });
    for (const args of [['list'], ['status'], ['digest', '--print']]) {
      const { code, stderr } = await cli([...args, '--config', config]);
      expect(code, args.join(' ')).toBe(1);
      expect(stderr).toMatch(/is damaged .*followthru restore/);
      expect(stderr).not.toMatch(/SQLITE_NOTADB:/);
    }
    const doctor = await cli(['doctor', '--config', config]);
    expect(doctor.code).toBe(1);
    for (const name of ['config', 'store', 'imap login', 'identity', 'digest delivery', 'time zone', 'next digest'])
      expect(doctor.stdout).toContain(name);
    expect(doctor.stdout).toMatch(/✗ store .*is damaged/);
  });

  it('restore refuses a damaged backup and changes nothing', async () => {
    const bad = join(dir, 'bad-backup.db');
    await writeFile(bad, 'not a database at all, just text');
    const before = await readFile(store);
    const { code, stderr } = await cli(['restore', '--config', config, bad]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/cannot be restored: .* nothing was changed/);
    expect((await readFile(store)).equals(before)).toBe(true);
  });

  it('restore refuses while a live daemon holds the store (its pid in <store>.lock)', async () => {
    // A live process whose command line names followthru, as the run lock's check asks of a daemon.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30_000)', 'followthru-run']);
    try {
      await writeFile(`${store}.lock`, `${holder.pid}\n`);
      const { code, stderr } = await cli(['restore', '--config', config, backup]);
      expect(code).toBe(1);
      expect(stderr).toContain(`pid ${holder.pid}`);
      expect(stderr).toMatch(/stop it first/);
    } finally {
      holder.kill();
    }
  });

  it('restore puts the backup in place, keeps the damaged store aside, and a stale lock does not stop it', async () => {
    await writeFile(`${store}.lock`, '999999999\n'); // no such process: a crashed daemon's lock
    const { code, stdout } = await cli(['restore', '--config', config, backup]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/the previous store is kept at .*before-restore-/);
    const aside = (await readdir(dir)).filter(
      (f) => f.startsWith('followthru.db.before-restore-') && !f.endsWith('-wal') && !f.endsWith('-shm'),
    );
    expect(aside).toHaveLength(1);
    expect((await readFile(join(dir, aside[0] ?? ''), 'utf8')).startsWith('garbage')).toBe(true);
    expect(await itemCount(config)).toBe(items);
    expect((await stat(store)).mode & 0o777).toBe(0o600);
  });
});

describe('a read-only store', () => {
  let dir: string;
  let config: string;
  let store: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-ro-'));
    ({ config, store } = await makeStore(dir));
    // Root ignores file modes, so the reading runs as "nobody"; then the store and its folder are really read-only.
    await chmod(store, 0o444);
    await rm(`${store}-shm`, { force: true });
    await rm(`${store}-wal`, { force: true });
    if (process.getuid?.() === 0) await chown(config, 65534, 65534);
    await chmod(dir, 0o555);
  });
  afterAll(async () => {
    await chmod(dir, 0o755);
    await rm(dir, { recursive: true, force: true });
  });
  const asReader = () =>
    process.getuid?.() === 0 ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {};

  it.each([['list'], ['status'], ['digest', '--print', ...NOW]])('%s works', async (...args) => {
    const { code, stdout, stderr } = await cli([...args, '--config', config], asReader());
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.length).toBeGreaterThan(20);
    expect(existsSync(`${store}-wal`)).toBe(false);
  });
});
