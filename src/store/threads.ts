// Thread lookup for the track stage: which thread a Message-ID, Gmail thread id or subject key belongs to.
import type { Db } from './db.js';

/** The thread recorded for each of `keys` that has one. */
export async function lookupThreads(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return new Map();
  const marks = unique.map(() => '?').join(', ');
  const rows = await db.all<{ key: string; thread_id: string }>(
    `SELECT key, thread_id FROM thread_keys WHERE key IN (${marks})`,
    unique,
  );
  return new Map(rows.map((row) => [row.key, row.thread_id]));
}

/** First writer wins: a key keeps the thread it was first seen in. */
export async function saveThreadKeys(db: Db, keys: readonly string[], threadId: string): Promise<void> {
  for (const key of new Set(keys)) {
    await db.run('INSERT INTO thread_keys (key, thread_id) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
      key,
      threadId,
    ]);
  }
}
