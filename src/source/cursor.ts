// Small pure sync decisions, in the manner of EmailEngine's sync operations.
import type { FolderCursor } from '../store/index.js';
import type { FolderStatus } from './imap.js';

/** After this many UIDVALIDITY resets a folder is parked: rescanning it forever helps no one. */
export const MAX_RESETS = 3;

export type FolderPlan =
  | { kind: 'backfill'; since: Date; cursor: FolderCursor }
  | { kind: 'incremental'; afterUid: number; cursor: FolderCursor }
  | { kind: 'reset'; since: Date; cursor: FolderCursor }
  | { kind: 'parked'; cursor: FolderCursor }
  | { kind: 'up-to-date'; cursor: FolderCursor };

export function hasUidValidityChanged(stored: FolderCursor | null, seen: FolderStatus): boolean {
  return stored !== null && stored.uidValidity !== seen.uidValidity;
}

/**
 * What to do with a folder this round. A first sight backfills `backfillDays`; a UIDVALIDITY change rescans the
 * same window (messages are deduplicated by Message-ID, so nothing doubles) and counts a reset; too many resets
 * park the folder.
 */
export function planFolder(folder: string, stored: FolderCursor | null, seen: FolderStatus, since: Date): FolderPlan {
  if (stored?.parked) return { kind: 'parked', cursor: stored };
  const fresh = { folder, uidValidity: seen.uidValidity, lastUid: 0, highestModseq: seen.highestModseq };
  if (stored === null) return { kind: 'backfill', since, cursor: { ...fresh, resets: 0, parked: 0 } };
  if (hasUidValidityChanged(stored, seen)) {
    const resets = stored.resets + 1;
    if (resets > MAX_RESETS) return { kind: 'parked', cursor: { ...stored, resets, parked: 1 } };
    return { kind: 'reset', since, cursor: { ...fresh, resets, parked: 0 } };
  }
  if (seen.uidNext > 0 && stored.lastUid >= seen.uidNext - 1) return { kind: 'up-to-date', cursor: stored };
  return { kind: 'incremental', afterUid: stored.lastUid, cursor: stored };
}
