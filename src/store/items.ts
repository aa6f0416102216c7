// Tracked items. UNIQUE(message_id, kind, text) makes re-processing a mail a no-op; ids never get reused.
import { FollowthruError } from '../errors.js';
import { canonicalAddress } from '../track/who.js';
import type { Address, ItemKind, ItemStatus, TrackedItem } from '../types.js';
import type { Db, SqlValue } from './db.js';
import { ENCODERS, type ItemRow, toTrackedItem } from './item-row.js';
import { mailboxOf } from './scope.js';

export { type ItemRow, toTrackedItem } from './item-row.js';

/** An item before the store gave it an id; its account is the handle's it is inserted through. */
import type { NewItem } from '../types.js';
export type { NewItem };
/** Fields to change; `updatedAt` defaults to `now`. id and account, once given, never change. */
export type ItemPatch = Partial<Omit<TrackedItem, 'id' | 'account'>>;

export interface ItemFilter {
  /** 'open' is the literal status; 'all' (the default) applies no filter. */
  status?: 'open' | 'all' | ItemStatus[];
  kind?: ItemKind | ItemKind[];
  threadId?: string;
}

/** Column → value for every field the patch sets. Walks ENCODERS, so a stray key (id, say) is never written. */
function encode(patch: ItemPatch): Array<[string, SqlValue]> {
  const columns: Array<[string, SqlValue]> = [];
  for (const key of Object.keys(ENCODERS) as (keyof typeof ENCODERS)[]) {
    const value = patch[key];
    if (value === undefined) continue;
    const encoder = ENCODERS[key] as (v: unknown) => Array<[string, SqlValue]>;
    columns.push(...encoder(value));
  }
  return columns;
}

/** Inserts the item unless the same (messageId, kind, text) exists; either way returns that row's id. */
export async function insertItem(
  db: Db,
  item: NewItem,
  now: Date = new Date(),
): Promise<{ id: number; inserted: boolean }> {
  const account = mailboxOf(db);
  const columns: Array<[string, SqlValue]> = [['account', account], ...encode(item), ['updated_at', now.toISOString()]];
  // ON CONFLICT on the one unique key: a CHECK failure (unknown kind) still throws instead of vanishing.
  const { changes, lastId } = await db.run(
    `INSERT INTO items (${columns.map(([c]) => c).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
     ON CONFLICT (account, message_id, kind, text) DO NOTHING`,
    columns.map(([, v]) => v),
  );
  if (changes === 1) {
    await savePeople(db, lastId, item.counterparties);
    return { id: lastId, inserted: true };
  }
  const row = await db.get<{ id: number }>(
    'SELECT id FROM items WHERE account = ? AND message_id = ? AND kind = ? AND text = ?',
    [account, item.messageId, item.kind, item.text],
  );
  if (!row)
    throw new FollowthruError('ESTORE', `an item was neither inserted nor found (${item.messageId}, ${item.kind})`);
  return { id: row.id, inserted: false };
}

/** Applies the patch and returns the item as stored now, or null when no item has that id. */
export async function updateItem(
  db: Db,
  id: number,
  patch: ItemPatch,
  now: Date = new Date(),
): Promise<TrackedItem | null> {
  const columns = encode(patch);
  columns.push(['updated_at', patch.updatedAt ?? now.toISOString()]);
  const { changes } = await db.run(`UPDATE items SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [
    ...columns.map(([, v]) => v),
    id,
  ]);
  if (changes === 0) return null;
  if (patch.counterparties !== undefined) {
    await db.run('DELETE FROM item_people WHERE item_id = ?', [id]);
    await savePeople(db, id, patch.counterparties);
  }
  return getItem(db, id);
}

/** The item_people rows that let a mail find the items of its people through an index (migration 3). */
async function savePeople(db: Db, id: number, counterparties: readonly Address[]): Promise<void> {
  const addresses = [...new Set(counterparties.map((a) => canonicalAddress(a.address)).filter((a) => a !== ''))];
  if (addresses.length === 0) return;
  await db.run(
    `INSERT OR IGNORE INTO item_people (address, item_id) VALUES ${addresses.map(() => '(?, ?)').join(', ')}`,
    addresses.flatMap((address) => [address, id]),
  );
}

/** IN lists are sent in slices of this many values, well under SQLite's limit on bound parameters. */
const SLICE = 500;

/**
 * The open and snoozed items of any of these threads, or with any of these people (canonical addresses) as a
 * counterparty, in id order: what a batch of mail can change, found through indexes, never by reading every
 * open item.
 */
export async function listOpenItemsConcerning(
  db: Db,
  where: { threadIds: readonly string[]; people: readonly string[] },
): Promise<TrackedItem[]> {
  const found = new Map<number, ItemRow>();
  // Only the mail's own account: a mail of one mailbox never changes another's items.
  const open = "account = ? AND status IN ('open', 'snoozed')";
  const queries: Array<[(marks: string) => string, string[]]> = [
    [(marks) => `SELECT * FROM items WHERE ${open} AND thread_id IN (${marks})`, [...new Set(where.threadIds)]],
    [
      (marks) =>
        `SELECT * FROM items WHERE ${open} AND id IN (SELECT item_id FROM item_people WHERE address IN (${marks}))`,
      [...new Set(where.people)],
    ],
  ];
  for (const [sql, values] of queries) {
    for (let start = 0; start < values.length; start += SLICE) {
      const slice = values.slice(start, start + SLICE);
      for (const row of await db.all<ItemRow>(sql(slice.map(() => '?').join(', ')), [mailboxOf(db), ...slice]))
        found.set(row.id, row);
    }
  }
  return [...found.values()].sort((a, b) => a.id - b.id).map(toTrackedItem);
}

export async function getItem(db: Db, id: number): Promise<TrackedItem | null> {
  const row = await db.get<ItemRow>('SELECT * FROM items WHERE id = ?', [id]);
  return row ? toTrackedItem(row) : null;
}

/** Items in id order (the order they were found): the handle's account's, or every account's on the store. */
export async function listItems(db: Db, filter: ItemFilter = {}): Promise<TrackedItem[]> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  const oneOf = (column: string, values: readonly string[]): void => {
    where.push(`${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
    params.push(...values);
  };
  if (db.account !== null) oneOf('account', [db.account]);
  const status = filter.status ?? 'all';
  if (status !== 'all') oneOf('status', status === 'open' ? ['open'] : status);
  if (filter.kind !== undefined) oneOf('kind', Array.isArray(filter.kind) ? filter.kind : [filter.kind]);
  if (filter.threadId !== undefined) oneOf('thread_id', [filter.threadId]);
  const sql = `SELECT * FROM items ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
  return (await db.all<ItemRow>(sql, params)).map(toTrackedItem);
}
