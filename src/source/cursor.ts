// Small pure sync decisions, in the manner of EmailEngine's sync operations: given where we stopped (the stored
// cursor) and what the server says now (STATUS), what do we fetch? No I/O, no clock: `since` is passed in.
import type { FolderCursor } from '../store/index.js';
import type { FolderStatus } from './port.js';

/** After this many UIDVALIDITY resets a folder is parked: rescanning it forever helps no one. */
export const MAX_RESETS = 3;

export type FetchRange =
  /** Nothing new since the cursor. */
  | { kind: 'none' }
  /** New mail above the cursor: `range` is `${afterUid + 1}:*`; drop UIDs ≤ afterUid from the answer (see filterNew). */
  | { kind: 'uids'; range: string; afterUid: number }
  /** First sight of the folder: read the backfill window. */
  | { kind: 'backfill'; since: Date }
  /** UIDVALIDITY changed: every stored UID is void; rescan the window (Message-ID dedupe keeps it idempotent). */
  | { kind: 'reset'; since: Date; was: string; now: string; resets: number }
  /** Too many resets, or parked before: leave the folder alone until the user unparks it. */
  | { kind: 'parked'; resets: number };

export function hasUidValidityChanged(
  stored: Pick<FolderCursor, 'uidValidity'> | null,
  seen: Pick<FolderStatus, 'uidValidity'>,
): boolean {
  // Compared as text: the value is a 32-bit unsigned number that may exceed 2^31, and "0042" never occurs.
  return stored !== null && String(stored.uidValidity) !== String(seen.uidValidity);
}

/** True once a folder has been reset more often than `limit` allows. */
export function shouldPark(resets: number, limit: number = MAX_RESETS): boolean {
  return resets > limit;
}

export function nextFetchRange(
  cursor: FolderCursor | null,
  status: FolderStatus,
  since: Date,
  resetLimit: number = MAX_RESETS,
): FetchRange {
  if (cursor?.parked) return { kind: 'parked', resets: cursor.resets };
  if (cursor === null) return { kind: 'backfill', since };
  if (hasUidValidityChanged(cursor, status)) {
    const resets = cursor.resets + 1;
    if (shouldPark(resets, resetLimit)) return { kind: 'parked', resets };
    return { kind: 'reset', since, was: cursor.uidValidity, now: status.uidValidity, resets };
  }
  // UIDNEXT is a promise that no UID below it will ever appear; 0 means the server did not say.
  if (status.uidNext > 0 && cursor.lastUid >= status.uidNext - 1) return { kind: 'none' };
  return { kind: 'uids', range: `${cursor.lastUid + 1}:*`, afterUid: cursor.lastUid };
}

/** UIDs above `lastUid`, sorted, once each. `N:*` always answers the highest UID even when it is below N. */
export function filterNew(uids: Iterable<number>, lastUid: number): number[] {
  return [...new Set(uids)].filter((uid) => uid > lastUid).sort((a, b) => a - b);
}

export type FolderPlan =
  | { kind: 'backfill'; since: Date; cursor: FolderCursor }
  | { kind: 'incremental'; afterUid: number; cursor: FolderCursor }
  | { kind: 'reset'; since: Date; cursor: FolderCursor }
  | { kind: 'parked'; cursor: FolderCursor }
  | { kind: 'up-to-date'; cursor: FolderCursor };

/** nextFetchRange together with the cursor to save once the round's mail is stored (the sync round's view). */
export function planFolder(folder: string, stored: FolderCursor | null, seen: FolderStatus, since: Date): FolderPlan {
  const fresh = { folder, uidValidity: seen.uidValidity, lastUid: 0, highestModseq: seen.highestModseq, parked: 0 };
  const range = nextFetchRange(stored, seen, since);
  switch (range.kind) {
    case 'parked':
      return {
        kind: 'parked',
        cursor: stored?.parked ? stored : { ...(stored ?? fresh), resets: range.resets, parked: 1 },
      };
    case 'backfill':
      return { kind: 'backfill', since, cursor: { ...fresh, resets: 0 } };
    case 'reset':
      return { kind: 'reset', since, cursor: { ...fresh, resets: range.resets } };
    case 'none':
      return { kind: 'up-to-date', cursor: stored ?? { ...fresh, resets: 0 } };
    case 'uids':
      return { kind: 'incremental', afterUid: range.afterUid, cursor: stored ?? { ...fresh, resets: 0 } };
  }
}
