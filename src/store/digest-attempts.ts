// Each try to deliver a digest, with its outcome, and the digest mail as first built. Together they make delivery
// "at least once, never twice": a sent digest is never sent again, a failed one is retried, and one whose try never
// finished (the process died mid-send) is checked against the server and sent again unless it arrived.
import type { Db } from './db.js';
import { fromJson, toJson } from './json.js';

export type AttemptOutcome = 'sending' | 'sent' | 'failed' | 'found-delivered';

export interface DigestAttempt {
  id: number;
  digestId: number;
  startedAt: string;
  outcome: AttemptOutcome;
  /** After a failure: the backoff kind it is retried with, or null when it is not retried on a timer. */
  retryKind: 'auth' | 'throttle' | 'transient' | null;
  error: string | null;
  finishedAt: string | null;
}

interface AttemptRow {
  id: number;
  digest_id: number;
  started_at: string;
  outcome: AttemptOutcome;
  retry_kind: DigestAttempt['retryKind'];
  error: string | null;
  finished_at: string | null;
}

const fromRow = (row: AttemptRow): DigestAttempt => ({
  id: row.id,
  digestId: row.digest_id,
  startedAt: row.started_at,
  outcome: row.outcome,
  retryKind: row.retry_kind,
  error: row.error,
  finishedAt: row.finished_at,
});

/** Written (and committed) before the mail leaves, so a crash during the send is visible on the next start. */
export async function startDigestAttempt(db: Db, digestId: number, now: Date): Promise<number> {
  const { lastId } = await db.run(
    "INSERT INTO digest_attempts (digest_id, started_at, outcome) VALUES (?, ?, 'sending')",
    [digestId, now.toISOString()],
  );
  return lastId;
}

export async function finishDigestAttempt(
  db: Db,
  attemptId: number,
  result: { outcome: Exclude<AttemptOutcome, 'sending'>; retryKind?: DigestAttempt['retryKind']; error?: string },
  now: Date,
): Promise<void> {
  await db.run('UPDATE digest_attempts SET outcome = ?, retry_kind = ?, error = ?, finished_at = ? WHERE id = ?', [
    result.outcome,
    result.retryKind ?? null,
    result.error ?? null,
    now.toISOString(),
    attemptId,
  ]);
}

/** Oldest first. */
export async function listDigestAttempts(db: Db, digestId: number): Promise<DigestAttempt[]> {
  const rows = await db.all<AttemptRow>('SELECT * FROM digest_attempts WHERE digest_id = ? ORDER BY id', [digestId]);
  return rows.map(fromRow);
}

/** The digest mail as it was built for its first try (null for a digest stored before attempts were kept). */
export async function getDigestMail<T>(db: Db, digestId: number): Promise<T | null> {
  const row = await db.get<{ mail_json: string | null }>('SELECT mail_json FROM digests WHERE id = ?', [digestId]);
  return row?.mail_json ? fromJson<T>(row.mail_json, 'digests.mail_json') : null;
}

export async function setDigestMail(db: Db, digestId: number, mail: unknown): Promise<void> {
  await db.run('UPDATE digests SET mail_json = ? WHERE id = ?', [toJson(mail), digestId]);
}
