// Poison mails: recorded once and skipped, so one bad mail never blocks the queue or repeats in the logs.
import type { Db } from './db.js';

export interface SkipRecord {
  /** RawMessage.origin: "imap:Sent", "file:/path/x.eml". */
  origin: string;
  /** What identifies the mail across runs: Message.id when it parsed, else e.g. "Sent:<uidValidity>:<uid>". */
  messageKey: string;
  reason: string;
  /** ISO instant. */
  skippedAt: string;
}

interface SkipRow {
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
    `INSERT INTO skipped (origin, message_key, reason, skipped_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (message_key) DO NOTHING`,
    [skip.origin, skip.messageKey, skip.reason, now.toISOString()],
  );
  return changes === 1;
}

export async function isSkipped(db: Db, messageKey: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS found FROM skipped WHERE message_key = ?', [messageKey])) !== undefined;
}

/** Newest first. */
export async function listSkips(db: Db, options: { limit?: number } = {}): Promise<SkipRecord[]> {
  const rows = await db.all<SkipRow>('SELECT * FROM skipped ORDER BY skipped_at DESC, id DESC LIMIT ?', [
    options.limit ?? -1, // SQLite reads a negative LIMIT as "no limit"
  ]);
  return rows.map((row) => ({
    origin: row.origin,
    messageKey: row.message_key,
    reason: row.reason,
    skippedAt: row.skipped_at,
  }));
}
