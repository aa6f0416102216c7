// Digests sent, so a reply can be resolved against the exact numbering it quotes; and the commands already
// applied, so a reply processed twice (re-sync, UIDVALIDITY reset) changes nothing the second time.
import type { DigestEntry } from '../types.js';
import type { Db } from './db.js';
import { fromJson, toJson } from './json.js';

/** A morning digest, or the weekly review: both answer replies by their numbers, each is sent once per day. */
export type DigestKind = 'daily' | 'weekly';

export interface StoredDigest {
  id: number;
  kind: DigestKind;
  /** The HMAC token the digest carries, so a reply proves which digest it answers. */
  token: string;
  /** The digest mail's Message-ID, without angle brackets. */
  messageId: string;
  createdAt: string;
  sentAt: string | null;
  /** YYYY-MM-DD the digest is for, in the digest's time zone. */
  forDay: string;
  entries: DigestEntry[];
  /** Items the digest covered; more than entries.length when it was cut at maxItems. */
  itemCount: number;
}

interface DigestRow {
  id: number;
  kind: DigestKind;
  token: string;
  message_id: string;
  created_at: string;
  sent_at: string | null;
  for_day: string;
  entries_json: string;
  item_count: number;
}

// Message-IDs arrive with brackets from headers and without from Message.id: keep one form.
const bare = (messageId: string): string => messageId.trim().replace(/^<(.*)>$/, '$1');

const fromRow = (row: DigestRow): StoredDigest => ({
  id: row.id,
  kind: row.kind,
  token: row.token,
  messageId: row.message_id,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  forDay: row.for_day,
  entries: fromJson<DigestEntry[]>(row.entries_json, 'digests.entries_json'),
  itemCount: row.item_count,
});

export async function createDigest(
  db: Db,
  digest: {
    token: string;
    messageId: string;
    forDay: string;
    entries: DigestEntry[];
    itemCount?: number;
    kind?: DigestKind;
  },
  now: Date = new Date(),
): Promise<StoredDigest> {
  const { lastId } = await db.run(
    `INSERT INTO digests (kind, token, message_id, created_at, for_day, entries_json, item_count)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [
      digest.kind ?? 'daily',
      digest.token,
      bare(digest.messageId),
      now.toISOString(),
      digest.forDay,
      toJson(digest.entries),
      digest.itemCount ?? digest.entries.length,
    ],
  );
  return fromRow((await db.get<DigestRow>('SELECT * FROM digests WHERE id = ?', [lastId])) as DigestRow);
}

export async function markDigestSent(db: Db, id: number, now: Date = new Date()): Promise<void> {
  await db.run('UPDATE digests SET sent_at = ? WHERE id = ?', [now.toISOString(), id]);
}

export async function findDigestByToken(db: Db, token: string): Promise<StoredDigest | null> {
  const row = await db.get<DigestRow>('SELECT * FROM digests WHERE token = ?', [token]);
  return row ? fromRow(row) : null;
}

/** The newest digest; with sentOnly, the newest that was actually sent; with kind, of that kind only (else any). */
export async function lastDigest(
  db: Db,
  options: { sentOnly?: boolean; kind?: DigestKind } = {},
): Promise<StoredDigest | null> {
  const where = [options.sentOnly ? 'sent_at IS NOT NULL' : '', options.kind ? 'kind = ?' : ''].filter(Boolean);
  const row = await db.get<DigestRow>(
    `SELECT * FROM digests ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT 1`,
    options.kind ? [options.kind] : [],
  );
  return row ? fromRow(row) : null;
}

/**
 * Records that a command was applied; returns false when that key was applied before, and the caller must
 * then skip it. Call it in the same transaction as the command's item updates.
 */
export async function markCommandApplied(
  db: Db,
  digestId: number,
  commandKey: string,
  now: Date = new Date(),
): Promise<boolean> {
  const { changes } = await db.run(
    `INSERT INTO applied_commands (digest_id, command_key, applied_at) VALUES (?, ?, ?)
     ON CONFLICT (command_key) DO NOTHING`,
    [digestId, commandKey, now.toISOString()],
  );
  return changes === 1;
}

export async function isCommandApplied(db: Db, commandKey: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS found FROM applied_commands WHERE command_key = ?', [commandKey])) !== undefined;
}

/** Sets the token and Message-ID once the row's id is known (the token is an HMAC of that id). */
export async function setDigestIdentity(db: Db, id: number, token: string, messageId: string): Promise<void> {
  await db.run('UPDATE digests SET token = ?, message_id = ? WHERE id = ?', [token, bare(messageId), id]);
}

/** The digest (of that kind, daily by default) for a day, if one was made. */
export async function digestForDay(db: Db, forDay: string, kind: DigestKind = 'daily'): Promise<StoredDigest | null> {
  const row = await db.get<DigestRow>('SELECT * FROM digests WHERE kind = ? AND for_day = ? ORDER BY id DESC LIMIT 1', [
    kind,
    forDay,
  ]);
  return row ? fromRow(row) : null;
}

/** Replaces the numbering of a digest that is about to be sent again, rebuilt (see digest/deliver.ts). */
export async function setDigestEntries(db: Db, id: number, entries: DigestEntry[], itemCount: number): Promise<void> {
  await db.run('UPDATE digests SET entries_json = ?, item_count = ? WHERE id = ?', [toJson(entries), itemCount, id]);
}

/**
 * Digests recorded for a day after `today` were made while the clock ran ahead. They went out today, so they
 * count as today's: the day they named still gets its own digest. Returns how many were moved.
 */
export async function moveFutureDigests(db: Db, today: string, kind: DigestKind = 'daily'): Promise<number> {
  const { changes } = await db.run('UPDATE digests SET for_day = ? WHERE kind = ? AND for_day > ?', [
    today,
    kind,
    today,
  ]);
  return changes;
}
