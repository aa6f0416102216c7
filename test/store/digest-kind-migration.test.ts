// Migration 7 gives every digest a kind: the rows of a store from before the weekly review are daily digests.
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDigest, digestForDay, openStore } from '../../src/store/index.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { tempDir } from './helpers.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/store/v2-main.db');

describe('the digest kinds migration', () => {
  it("reads every digest already stored as 'daily' and refuses an unknown kind", async () => {
    const path = join(await tempDir(), 'old.db');
    await copyFile(FIXTURE, path);
    const old = await openSqlite(path);
    const before = (await old.get<{ n: number }>('SELECT count(*) AS n FROM digests'))?.n ?? 0;
    await old.close();
    const store = await openStore(path);
    try {
      const kinds = await store.all<{ kind: string; n: number }>(
        'SELECT kind, count(*) AS n FROM digests GROUP BY kind',
      );
      expect(kinds).toEqual(before > 0 ? [{ kind: 'daily', n: before }] : []);
      const weekly = await createDigest(store, {
        kind: 'weekly',
        token: 'w1',
        messageId: 'w1@x',
        forDay: '2030-01-04',
        entries: [],
      });
      expect((await digestForDay(store, '2030-01-04', 'weekly'))?.id).toBe(weekly.id);
      expect(await digestForDay(store, '2030-01-04')).toBeNull();
      await expect(
        store.run(
          "INSERT INTO digests (kind, token, message_id, created_at, for_day, entries_json, item_count) VALUES ('monthly', 'm', 'm', 'x', 'x', '[]', 0)",
        ),
      ).rejects.toThrow(/CHECK/);
    } finally {
      await store.close();
    }
  });
});
