// Poison mails: recorded once and skipped, so one bad mail never blocks the queue or repeats in the logs.
import type { Db, SqlValue } from './db.js';
import { mailboxOf } from './scope.js';

export interface SkipRecord {
  account: string;
  /** RawMessage.origin: "imap:Sent", "file:/path/x.eml". */
  origin: string;
  /** What identifies the mail across runs: Message.id when it parsed, else e.g. "Sent:<uidValidity>:<uid>". */
  messageKey: string;
  reason: string;
  /** ISO instant. */
  skippedAt: string;
}

interface SkipRow {
  account: string;
  origin: string;
  message_key: string;
  reason: string;
  skipped_at: string;
}

/** Records a skip unless one exists for that key. Returns true the first time. */
export async function recordSkip(
  db: Db,
  skip: { origin: string; messageKey: string; reason: string },
  now: Date = new Date(),
): Promise<boolean> {
  const { changes } = await db.run(
    `INSERT INTO skipped (account, origin, message_key, reason, skipped_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account, message_key) DO NOTHING`,
    [mailboxOf(db), skip.origin, skip.messageKey, skip.reason, now.toISOString()],
  );
  return changes === 1;
}

export async function isSkipped(db: Db, messageKey: string): Promise<boolean> {
  const found = await db.get('SELECT 1 AS found FROM skipped WHERE account = ? AND message_key = ?', [
    mailboxOf(db),
    messageKey,
  ]);
  return found !== undefined;
}

/** Newest first: the handle's account's, or every account's on the unscoped store. */
export async function listSkips(db: Db, options: { limit?: number } = {}): Promise<SkipRecord[]> {
  const scoped = db.account !== null;
  const params: SqlValue[] = scoped ? [db.account as string] : [];
  params.push(options.limit ?? -1); // SQLite reads a negative LIMIT as "no limit"
  const rows = await db.all<SkipRow>(
    `SELECT * FROM skipped ${scoped ? 'WHERE account = ?' : ''} ORDER BY skipped_at DESC, id DESC LIMIT ?`,
    params,
  );
  return rows.map((row) => ({
    account: row.account,
    origin: row.origin,
    messageKey: row.message_key,
    reason: row.reason,
    skippedAt: row.skipped_at,
  }));
}
