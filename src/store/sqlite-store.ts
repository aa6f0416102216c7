// The SQLite store behind the Store port: a connection, its account-scoped repositories over the table
// modules, and maintenance (VACUUM INTO backups, PRAGMA integrity_check, counts).
import { getCursor, listCursors, saveCursor } from './cursors.js';
import type { Connection, Db } from './db.js';
import { getItem, insertItem, listItems, updateItem } from './items.js';
import { findMessageByMessageId, getMessage, hasMessage, listThreadMessages, saveMessage } from './messages.js';
import type { AccountStore, Store, StoreStats } from './port.js';
import { scopeTo } from './scope.js';
import { isSkipped, listSkips, recordSkip } from './skips.js';
import { lookupThreads, saveThreadKeys } from './threads.js';

type Backup = (db: Db, destPath: string) => Promise<void>;

function accountStore(root: Store, id: string): AccountStore {
  const db = scopeTo(root, id);
  return {
    ...db,
    id,
    path: root.path,
    close: () => root.close(),
    forAccount: (other) => root.forAccount(other),
    backup: (dest) => root.backup(dest),
    integrity: () => root.integrity(),
    stats: () => root.stats(),
    items: {
      insert: (item, now) => insertItem(db, item, now),
      get: (itemId) => getItem(db, itemId),
      update: (itemId, patch, now) => updateItem(db, itemId, patch, now),
      list: (filter) => listItems(db, filter),
    },
    messages: {
      save: (message) => saveMessage(db, message),
      has: (messageId) => hasMessage(db, messageId),
      get: (messageId) => getMessage(db, messageId),
      inThread: (threadId) => listThreadMessages(db, threadId),
      byMessageId: (messageId) => findMessageByMessageId(db, messageId),
    },
    threads: {
      lookup: (keys) => lookupThreads(db, keys),
      save: (keys, threadId) => saveThreadKeys(db, keys, threadId),
    },
    cursors: {
      get: (folder) => getCursor(db, folder),
      list: () => listCursors(db),
      save: (cursor, now) => saveCursor(db, cursor, now),
    },
    skips: {
      record: (skip, now) => recordSkip(db, skip, now),
      has: (key) => isSkipped(db, key),
      list: (options) => listSkips(db, options),
    },
  };
}

async function stats(db: Db): Promise<StoreStats> {
  const items = await db.all<{ account: string; kind: string; status: string; count: number }>(
    'SELECT account, kind, status, COUNT(*) AS count FROM items GROUP BY account, kind, status ORDER BY account, kind, status',
  );
  const cursorRows = await db.all<{ account: string }>('SELECT DISTINCT account FROM cursors ORDER BY account');
  const cursors = [];
  for (const { account } of cursorRows) {
    for (const cursor of await listCursors(scopeTo(db, account))) cursors.push({ ...cursor, account });
  }
  const count = async (table: string) => (await db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0;
  return { items, cursors, messages: await count('messages'), digests: await count('digests') };
}

/** The Store port over one open, migrated SQLite connection. */
export function sqliteStore(connection: Connection, backup: Backup): Store {
  const store: Store = {
    account: null,
    path: connection.path,
    run: (sql, params) => connection.run(sql, params),
    get: (sql, params) => connection.get(sql, params),
    all: (sql, params) => connection.all(sql, params),
    exec: (sql) => connection.exec(sql),
    transaction: (fn) => connection.transaction(fn),
    close: () => connection.close(),
    forAccount: (id) => accountStore(store, id),
    backup: (dest) => backup(connection, dest),
    async integrity() {
      const rows = await connection.all<{ integrity_check: string }>('PRAGMA integrity_check');
      const problems = rows.map((row) => row.integrity_check).filter((text) => text !== 'ok');
      const dangling = await connection.all('PRAGMA foreign_key_check');
      if (dangling.length > 0) problems.push(`${dangling.length} rows point at rows that are gone`);
      return problems;
    },
    stats: () => stats(connection),
  };
  return store;
}
