import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listOpenItemsConcerning, MIGRATIONS, type Migration, migrate } from '../../src/store/index.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { tempDir } from './helpers.js';

const version = async (store: Awaited<ReturnType<typeof openSqlite>>): Promise<number | undefined> =>
  (await store.get<{ user_version: number }>('PRAGMA user_version'))?.user_version;

describe('migrations', () => {
  it('are numbered 1, 2, 3… in order', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('apply only the ones newer than user_version', async () => {
    const store = await openSqlite(join(await tempDir(), 'm.db'));
    const steps: Migration[] = [
      { version: 1, name: 'a', sql: 'CREATE TABLE a (x)' },
      { version: 2, name: 'b', sql: 'CREATE TABLE b (x)' },
    ];
    expect(await migrate(store, steps.slice(0, 1))).toBe(1);
    expect(await migrate(store, steps)).toBe(2); // would fail on "table a already exists" if 1 ran again
    expect(await migrate(store, steps)).toBe(2);
    expect(await version(store)).toBe(2);
    await store.close();
  });

  it('roll back a failing migration entirely, user_version included', async () => {
    const store = await openSqlite(join(await tempDir(), 'm.db'));
    const steps: Migration[] = [
      { version: 1, name: 'ok', sql: 'CREATE TABLE a (x)' },
      { version: 2, name: 'broken', sql: 'CREATE TABLE b (x); INSERT INTO nowhere VALUES (1);' },
    ];
    await expect(migrate(store, steps)).rejects.toMatchObject({ code: 'ESTORE', message: /nowhere/ });
    const tables = await store.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
    expect(tables.map((t) => t.name)).toEqual(['a']);
    expect(await version(store)).toBe(1);
    await store.close();
  });

  it('4 indexes the counterparties of items written before it, by canonical address', async () => {
    const store = await openSqlite(join(await tempDir(), 'm.db'));
    await store.exec('PRAGMA foreign_keys = ON');
    await migrate(
      store,
      MIGRATIONS.filter((m) => m.version < 4),
    );
    // The messages table as it was then (no account column yet): saveMessage speaks today's schema.
    await store.run(`INSERT INTO messages (id, thread_id, folder, direction, from_json, to_json, cc_json, subject,
      references_json, attachments_json, seen_at) VALUES ('abc@mail.example.com', 't1', 'Sent', 'sent', '[]', '[]', '[]', 'S', '[]', '[]', 'x')`);
    const people = JSON.stringify([
      { name: 'Ann', address: ' <Ann+Quotes@Example.com>' },
      { name: 'Bo', address: 'bo@example.com' },
    ]);
    await store.run(
      `INSERT INTO items (kind, status, text, action, counterparties_json, message_id, thread_id, subject, sent_at, rule,
         confidence, clock_started_at, updated_at)
       VALUES ('promise', 'open', 'I will call.', 'call', ?, 'abc@mail.example.com', 't1', 'S', 'x', 'r', 0.9, 'x', 'x')`,
      [people],
    );
    await migrate(store);
    const rows = await store.all<{ address: string }>('SELECT address FROM item_people ORDER BY address');
    expect(rows.map((r) => r.address)).toEqual(['ann@example.com', 'bo@example.com']);
    const found = await listOpenItemsConcerning(store, { threadIds: [], people: ['ann@example.com'] });
    expect(found.map((i) => i.text)).toEqual(['I will call.']);
    await store.close();
  });
});
