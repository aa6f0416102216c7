// Tracked items. UNIQUE(message_id, kind, text) makes re-processing a mail a no-op; ids never get reused.
import { FollowthruError } from '../errors.js';
import type { ItemKind, ItemStatus, TrackedItem } from '../types.js';
import type { Db, SqlValue } from './db.js';
import { ENCODERS, type ItemRow, toTrackedItem } from './item-row.js';
import { mailboxOf } from './scope.js';

export { type ItemRow, toTrackedItem } from './item-row.js';

/** An item before the store gave it an id; its account is the handle's it is inserted through. */
export type NewItem = Omit<TrackedItem, 'id' | 'updatedAt' | 'account'>;
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
  if (changes === 1) return { id: lastId, inserted: true };
  const row = await db.get<{ id: number }>(
    'SELECT id FROM items WHERE account = ? AND message_id = ? AND kind = ? AND text = ?',
    [account, item.messageId, item.kind, item.text],
  );
  if (!row)
    throw new FollowthruError(
      'ESTORE',
      `an item was neither inserted nor found (${item.messageId}, ${item.kind})`,
    );
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
  const { changes } = await db.run(
    `UPDATE items SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`,
    [...columns.map(([, v]) => v), id],
  );
  return changes === 0 ? null : getItem(db, id);
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
