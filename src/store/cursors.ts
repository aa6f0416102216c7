// Where sync stopped, per folder. The sync code saves a cursor in the same transaction as the items its batch
// produced, so a crash can never record progress without the items, or items without the progress.
import type { Db } from './db.js';
import { mailboxOf } from './scope.js';

export interface FolderCursor {
  folder: string;
  /** UIDVALIDITY as text: it is an unsigned 32-bit number (a BigInt in imapflow), above 2^31 on many servers. */
  uidValidity: string;
  /** Highest UID fully processed. */
  lastUid: number;
  /** CONDSTORE HIGHESTMODSEQ as text (64-bit), or null when the server has none. */
  highestModseq: string | null;
  /** How many UIDVALIDITY resets this folder went through. */
  resets: number;
  /** Owned by the sync code (e.g. a count of mails set aside); the store only keeps it. */
  parked: number;
}

interface CursorRow {
  folder: string;
  uid_validity: string;
  last_uid: number;
  highest_modseq: string | null;
  resets: number;
  parked: number;
}

const fromRow = (row: CursorRow): FolderCursor => ({
  folder: row.folder,
  uidValidity: row.uid_validity,
  lastUid: row.last_uid,
  highestModseq: row.highest_modseq,
  resets: row.resets,
  parked: row.parked,
});

export async function getCursor(db: Db, folder: string): Promise<FolderCursor | null> {
  const row = await db.get<CursorRow>('SELECT * FROM cursors WHERE account = ? AND folder = ?', [
    mailboxOf(db),
    folder,
  ]);
  return row ? fromRow(row) : null;
}

export async function listCursors(db: Db): Promise<FolderCursor[]> {
  return (await db.all<CursorRow>('SELECT * FROM cursors WHERE account = ? ORDER BY folder', [mailboxOf(db)])).map(
    fromRow,
  );
}

/** Creates or replaces the folder's cursor. */
export async function saveCursor(db: Db, cursor: FolderCursor, now: Date = new Date()): Promise<void> {
  await db.run(
    `INSERT INTO cursors (account, folder, uid_validity, last_uid, highest_modseq, resets, parked, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account, folder) DO UPDATE SET uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
       highest_modseq = excluded.highest_modseq, resets = excluded.resets, parked = excluded.parked,
       updated_at = excluded.updated_at`,
    [
      mailboxOf(db),
      cursor.folder,
      String(cursor.uidValidity), // a caller holding imapflow's BigInt gets text, never a lossy number
      cursor.lastUid,
      cursor.highestModseq === null ? null : String(cursor.highestModseq),
      cursor.resets,
      cursor.parked,
      now.toISOString(),
    ],
  );
}
