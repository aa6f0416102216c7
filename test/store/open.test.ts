import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { MIGRATIONS, openStore } from '../../src/store/index.js';
import { tempDir, tempStore } from './helpers.js';

const TABLES = [
  'applied_commands',
  'cursors',
  'digest_attempts',
  'digests',
  'item_people',
  'items',
  'messages',
  'meta',
  'outbox',
  'people',
  'person_mails',
  'skipped',
  'suppressions',
  'thread_keys',
];

describe('openStore', () => {
  it('creates the missing folder and the file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'nested', 'deeper', 'f.db');
    const store = await openStore(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it.each([
    ['journal_mode', 'PRAGMA journal_mode', 'wal'],
    ['foreign_keys', 'PRAGMA foreign_keys', 1],
    ['busy_timeout', 'PRAGMA busy_timeout', 5000],
    ['user_version', 'PRAGMA user_version', MIGRATIONS.at(-1)?.version],
  ])('sets %s', async (_name, sql, expected) => {
    const { store } = await tempStore();
    const row = await store.get<Record<string, unknown>>(sql);
    expect(Object.values(row ?? {})[0]).toBe(expected);
  });

  it('creates every table', async () => {
    const { store } = await tempStore();
    const rows = await store.all<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    expect(rows.map((r) => r.name)).toEqual(TABLES);
  });

  it('reopens without re-running migrations, keeping the rows', async () => {
    const { store, path } = await tempStore();
    await store.run("INSERT INTO meta (key, value) VALUES ('k', 'v')");
    await store.close();
    const again = await openStore(path);
    const version = await again.get<{ user_version: number }>('PRAGMA user_version');
    const row = await again.get<{ value: string }>("SELECT value FROM meta WHERE key = 'k'");
    await again.close();
    expect(version?.user_version).toBe(MIGRATIONS.length);
    expect(row?.value).toBe('v');
  });

  it('works in memory', async () => {
    const store = await openStore(':memory:');
    const row = await store.get<{ user_version: number }>('PRAGMA user_version');
    await store.close();
    expect(row?.user_version).toBe(MIGRATIONS.length);
  });
});

describe('openStore, refusals', () => {
  it('refuses a schema newer than it knows', async () => {
    const { store, path } = await tempStore();
    await store.exec('PRAGMA user_version = 999');
    await store.close();
    await expect(openStore(path)).rejects.toMatchObject({
      code: 'ESTORE',
      message: /newer than this followthru/,
    });
  });

  it('turns a file that is not a database into ESTORE', async () => {
    const path = join(await tempDir(), 'junk.db');
    await writeFile(path, 'this is not sqlite, just text long enough to fill a header page'.repeat(20));
    const error = await openStore(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FollowthruError);
    expect(error).toMatchObject({ code: 'ESTORE' });
    expect((error as Error).cause).toBeDefined();
  });

  it('enforces foreign keys', async () => {
    const { store } = await tempStore();
    const insert = "INSERT INTO applied_commands (digest_id, command_key, applied_at) VALUES (42, 'k', 'now')";
    await expect(store.run(insert)).rejects.toMatchObject({ code: 'ESTORE', message: /FOREIGN KEY/ });
  });

  it('refuses calls after close', async () => {
    const { store } = await tempStore();
    await store.close();
    await expect(store.get('SELECT 1')).rejects.toMatchObject({ code: 'ESTORE', message: /closed/ });
  });
});

describe('openStore, folder problems', () => {
  it('turns an uncreatable folder into ESTORE', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    await expect(openStore(join(dir, 'blocker', 'f.db'))).rejects.toMatchObject({ code: 'ESTORE' });
  });
});
