// "Not a promise": the user's verdict on a phrase, kept per rule so the same wording never comes back.
import type { Db } from './db.js';
import { mailboxOf } from './scope.js';

/**
 * The key a phrase is remembered by: case, accents' composed forms, punctuation and spacing do not matter,
 * so "I'll send it." and "i'll  send it" are one phrase.
 */
export function phraseKey(phrase: string): string {
  return phrase
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^\p{L}\p{N}'\s]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Returns true when the suppression is new. `account`: the item's, when the handle is another account's. */
export async function addSuppression(
  db: Db,
  suppression: { rule: string; phrase: string; itemId?: number | null; account?: string },
  now: Date = new Date(),
): Promise<boolean> {
  const { changes } = await db.run(
    `INSERT INTO suppressions (account, rule, phrase_key, item_id, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (account, rule, phrase_key) DO NOTHING`,
    [
      suppression.account ?? mailboxOf(db),
      suppression.rule,
      phraseKey(suppression.phrase),
      suppression.itemId ?? null,
      now.toISOString(),
    ],
  );
  return changes === 1;
}

export async function isSuppressed(db: Db, rule: string, phrase: string): Promise<boolean> {
  const sql = 'SELECT 1 AS found FROM suppressions WHERE account = ? AND rule = ? AND phrase_key = ?';
  const row = await db.get(sql, [mailboxOf(db), rule, phraseKey(phrase)]);
  return row !== undefined;
}
