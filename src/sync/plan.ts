// Pure sync planning: in what order to ingest the new mail of several folders, and in which batches.
import type { FolderCursor } from '../store/index.js';

/** A mail waiting in a folder: its UID and its date (INTERNALDATE), known before its body is fetched. */
export interface Pending {
  folder: string;
  uid: number;
  /** Epoch milliseconds. */
  at: number;
  /** Bytes (RFC822.SIZE), 0 when unknown. */
  size?: number;
}

/**
 * Merges folders' pending mail into one stream by date, keeping each folder in UID order. Tracking needs a
 * reply after the mail it answers, across Sent and INBOX; and each folder's cursor ("every UID up to N is
 * done") stays exact only if a folder's mail is ingested in UID order. So: a k-way merge on the head dates.
 */
export function mergeByDate(folders: readonly (readonly Pending[])[]): Pending[] {
  const queues = folders.map((list) => [...list].sort((a, b) => a.uid - b.uid));
  const heads = queues.map(() => 0);
  const merged: Pending[] = [];
  for (;;) {
    let pick = -1;
    for (let i = 0; i < queues.length; i++) {
      const head = queues[i]?.[heads[i] ?? 0];
      const best = pick === -1 ? undefined : queues[pick]?.[heads[pick] ?? 0];
      if (head && (!best || head.at < best.at)) pick = i;
    }
    if (pick === -1) return merged;
    const next = queues[pick]?.[heads[pick] ?? 0];
    if (next) merged.push(next);
    heads[pick] = (heads[pick] ?? 0) + 1;
  }
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Batches in queue order, each at most `maxCount` mails and `maxBytes` bytes (a mail larger than that alone is a
 * batch of its own): memory follows the size of the mail in flight, not its number.
 */
export function chunkByBytes(queue: readonly Pending[], maxBytes: number, maxCount: number): Pending[][] {
  const batches: Pending[][] = [];
  let current: Pending[] = [];
  let bytes = 0;
  for (const mail of queue) {
    const size = mail.size ?? 0;
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(mail);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** The cursors to save with a batch: each folder in it advances to the highest UID the batch holds. */
export function cursorsAfter(batch: readonly Pending[], cursors: ReadonlyMap<string, FolderCursor>): FolderCursor[] {
  const highest = new Map<string, number>();
  for (const p of batch) highest.set(p.folder, Math.max(highest.get(p.folder) ?? 0, p.uid));
  const result: FolderCursor[] = [];
  for (const [folder, uid] of highest) {
    const cursor = cursors.get(folder);
    if (cursor) result.push({ ...cursor, lastUid: Math.max(cursor.lastUid, uid) });
  }
  return result;
}
