// A store written by main before accounts existed migrates with every item, number and cursor intact.
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type Connection,
  getCursor,
  insertItem,
  listCursors,
  listItems,
  listSkips,
  MIGRATIONS,
  migrate,
  openStore,
  scopeTo,
} from '../../src/store/index.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { sampleItem, sampleMessage } from './helpers.js';
import { saveMessage } from '../../src/store/index.js';
import { tempDir } from './helpers.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/store/v2-main.db');
const MAILBOX_TABLES = ['messages', 'items', 'cursors', 'thread_keys', 'skipped', 'suppressions'];
const OTHER_TABLES = ['digests', 'applied_commands', 'meta'];

type Row = Record<string, unknown>;
async function snapshot(store: Connection, table: string): Promise<Row[]> {
  return store.all<Row>(`SELECT * FROM ${table} ORDER BY rowid`);
}
const withoutAccount = (rows: Row[]): Row[] => rows.map(({ account: _account, ...rest }) => rest);
const sortedKeys = (rows: Row[]): Row[] => rows.map((row) => Object.fromEntries(Object.entries(row).sort()));

async function fixtureCopy(): Promise<string> {
  const path = join(await tempDir(), 'old.db');
  await copyFile(FIXTURE, path);
  return path;
}

describe('the accounts migration, on a store written by main before accounts', () => {
  it('keeps every row of every table, and gives each mailbox row the account "default"', async () => {
    const path = await fixtureCopy();
    const old = await openSqlite(path);
    expect((await old.get<{ user_version: number }>('PRAGMA user_version'))?.user_version).toBe(2);
    const before = new Map<string, Row[]>();
    for (const table of [...MAILBOX_TABLES, ...OTHER_TABLES]) before.set(table, await snapshot(old, table));
    const sequence = await old.get<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'items'");
    await old.close();
    expect(before.get('items')?.length).toBeGreaterThan(10);

    const store = await openStore(path);
    try {
      for (const table of MAILBOX_TABLES) {
        const after = await snapshot(store, table);
        expect(
          after.map((row) => row.account),
          table,
        ).toEqual(after.map(() => 'default'));
        expect(sortedKeys(withoutAccount(after)), table).toEqual(sortedKeys(before.get(table) ?? []));
      }
      // Later migrations may add columns to these (NULL for old rows): every column that was there is unchanged.
      for (const table of OTHER_TABLES) {
        const old = before.get(table) ?? [];
        const columns = Object.keys(old[0] ?? {});
        const now = (await snapshot(store, table)).map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
        expect(now, table).toEqual(old);
      }
      expect(await store.all('PRAGMA foreign_key_check')).toEqual([]);
      expect((await store.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys).toBe(1);
      const after = await store.get<{ seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'items'");
      expect(after?.seq).toBe(sequence?.seq);
    } finally {
      await store.close();
    }
  });

  it('reads the same items, numbers and cursors through the store API, for the default account', async () => {
    const path = await fixtureCopy();
    const old = await openSqlite(path);
    const ids = await old.all<{ id: number; status: string }>('SELECT id, status FROM items ORDER BY id');
    await old.close();
    const store = await openStore(path);
    try {
      expect((await listItems(store)).map((i) => ({ id: i.id, status: i.status }))).toEqual(ids);
      const scoped = scopeTo(store, 'default');
      expect((await listItems(scoped)).map((i) => i.id)).toEqual(ids.map((i) => i.id));
      expect(await getCursor(scoped, 'Sent')).toEqual({
        folder: 'Sent',
        uidValidity: '3000000001',
        lastUid: 41,
        highestModseq: '18446744073709551000',
        resets: 1,
        parked: 2,
      });
      expect((await listCursors(store)).map((c) => [c.folder, c.lastUid])).toEqual([
        ['INBOX', 12],
        ['Sent', 41],
      ]);
      expect(await listCursors(scopeTo(store, 'work'))).toEqual([]);
      expect((await listSkips(store)).map((s) => s.messageKey)).toEqual(['Sent:3000000001:40']);
    } finally {
      await store.close();
    }
  });

  it('never hands out an id again, even one above every id left', async () => {
    const store = await openSqlite(join(await tempDir(), 'seq.db'));
    const accounts = MIGRATIONS.findIndex((m) => m.name === 'accounts');
    await migrate(store, MIGRATIONS.slice(0, accounts));
    await store.run(`INSERT INTO messages (id, thread_id, folder, direction, from_json, to_json, cc_json, subject,
      references_json, attachments_json, seen_at) VALUES ('m', 't', 'Sent', 'sent', '[]', '[]', '[]', 's', '[]', '[]', 'x')`);
    for (const text of ['a', 'b', 'c']) {
      await store.run(
        `INSERT INTO items (kind, status, text, action, counterparties_json, message_id, thread_id, subject,
        sent_at, rule, confidence, clock_started_at, updated_at) VALUES ('promise', 'open', ?, 'x', '[]', 'm', 't', 's', 'x', 'r', 1, 'x', 'x')`,
        [text],
      );
    }
    await store.run('DELETE FROM items WHERE id = 3');
    await migrate(store);
    await saveMessage(store, sampleMessage());
    const { id } = await insertItem(store, sampleItem());
    expect(id).toBe(4);
    await store.close();
  });
});
