// A damaged store says so once, with the fix, instead of a raw SQLite error from whichever query hit it first.
import { FollowthruError } from '../errors.js';
import type { Connection } from './db.js';

/** SQLite's own words for "this file is not (or no longer) a sound database". */
const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

export function isDamage(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && DAMAGE_CODES.has(code)) return true;
    if (e instanceof FollowthruError && /is damaged/.test(e.message)) return true;
  }
  return false;
}

export function damagedStoreError(path: string, detail: string, cause?: unknown): FollowthruError {
  const fix =
    `restore your latest backup with \`followthru restore BACKUP_FILE\` (the damaged file is kept aside); ` +
    `with no backup, move ${path} away and run \`followthru sync\` to rebuild it from your mailbox ` +
    `(done, snoozed and dropped marks are lost)`;
  return new FollowthruError('ESTORE', `the store ${path} is damaged (${detail}) — fix: ${fix}`, { cause });
}

/**
 * PRAGMA quick_check: every page and index entry, without the slower index-to-table cross checks. Run when a
 * store is opened for writing, so a sync never builds on a damaged file.
 */
export async function checkIntegrity(store: Connection): Promise<void> {
  let rows: { quick_check: string }[];
  try {
    rows = await store.all<{ quick_check: string }>('PRAGMA quick_check(3)');
  } catch (error) {
    if (isDamage(error)) throw damagedStoreError(store.path, firstLine(error), error);
    throw error;
  }
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw damagedStoreError(store.path, problems.join('; ').replace(/\s+/g, ' ').slice(0, 200));
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/ \(while running:.*$/s, '').split('\n')[0] ?? message;
  return line.replace(/^SQLITE_[A-Z_]+: /, ''); // "file is not a database" says it; the code adds nothing
}

/** The same message for a damaged file met by any later query (read-only commands skip quick_check). */
export function asDamage(path: string, error: unknown): unknown {
  if (!isDamage(error) || (error instanceof FollowthruError && /is damaged/.test(error.message))) return error;
  return damagedStoreError(path, firstLine(error), error);
}
