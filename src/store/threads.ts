// Thread lookup for the track stage: which thread a Message-ID, Gmail thread id or subject key belongs to.
import { allInChunks } from './chunked.js';
import type { Db } from './db.js';

/** The thread recorded for each of `keys` that has one. */
export async function lookupThreads(db: Db, keys: readonly string[]): Promise<Map<string, string>> {
  const rows = await allInChunks<{ key: string; thread_id: string }>(
    db,
    [...new Set(keys)],
    (marks) => `SELECT key, thread_id FROM thread_keys WHERE key IN (${marks})`,
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
