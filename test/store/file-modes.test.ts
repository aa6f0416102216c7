// The store holds mail and the token secret: its file, WAL and SHM, and its backups are the user's alone.
// Real files, real modes (the test process runs with the usual umask 022, under which SQLite alone gives 0644).
import { chmod, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupStore, openStore, widerThanPrivate } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('store file modes', () => {
  it('creates the store, its -wal and -shm 0600, and the folders it makes 0700', async () => {
    const dir = await tempDir();
    await chmod(dir, 0o755);
    const path = join(dir, 'made', 'by-followthru', 'f.db');
    const store = await openStore(path);
    try {
      await store.run("INSERT INTO meta (key, value) VALUES ('k', 'v')");
      for (const file of [path, `${path}-wal`, `${path}-shm`])
        expect([file, await modeOf(file)]).toEqual([file, 0o600]);
      expect(await modeOf(join(dir, 'made'))).toBe(0o700);
      expect(await modeOf(join(dir, 'made', 'by-followthru'))).toBe(0o700);
      expect(await modeOf(dir)).toBe(0o755); // a folder it did not make is left as it was
    } finally {
      await store.close();
    }
  });

  it('writes backups 0600, in a folder it makes 0700', async () => {
    const dir = await tempDir();
    const store = await openStore(join(dir, 'f.db'));
    try {
      await backupStore(store, join(dir, 'backups', 'b.db'));
      expect(await modeOf(join(dir, 'backups', 'b.db'))).toBe(0o600);
      expect(await modeOf(join(dir, 'backups'))).toBe(0o700);
      const reopened = await openStore(join(dir, 'backups', 'b.db'));
      expect(await reopened.get('SELECT COUNT(*) AS n FROM meta')).toBeDefined();
      await reopened.close();
    } finally {
      await store.close();
    }
  });

  it('widerThanPrivate names each store file others may read or write, and nothing when all are 0600', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'f.db');
    const store = await openStore(path);
    await store.run("INSERT INTO meta (key, value) VALUES ('k', 'v')");
    try {
      expect(await widerThanPrivate(path)).toEqual([]);
      await chmod(path, 0o644);
      await chmod(`${path}-wal`, 0o660);
      expect(await widerThanPrivate(path)).toEqual([
        { file: path, mode: 0o644 },
        { file: `${path}-wal`, mode: 0o660 },
      ]);
    } finally {
      await store.close();
    }
  });
});
