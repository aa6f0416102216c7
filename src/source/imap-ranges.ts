// UID ranges, pure: what imapflow is asked for, and what of its answer counts as new.

/** Where to start: a UID set (`"N:*"` is read as "above N-1"), above a UID, or since a day (backfill). */
export type FetchFrom = string | { afterUid: number } | { since: Date };

/** imapflow's range strings: "5,7,9:12". */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(start === end ? `${start}` : `${start}:${end}`);
  }
  return parts.join(',');
}

/** `N:*` → everything above N-1; another set keeps all it names. */
export function searchOf(from: FetchFrom): { query: { uid: string } | { since: Date }; afterUid: number } {
  if (typeof from === 'string') {
    const open = /^(\d+):\*$/.exec(from.trim());
    return { query: { uid: from }, afterUid: open ? Number(open[1]) - 1 : 0 };
  }
  if ('since' in from) return { query: { since: from.since }, afterUid: 0 };
  return { query: { uid: `${from.afterUid + 1}:*` }, afterUid: from.afterUid };
}
