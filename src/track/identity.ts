// Who sends the mail in Sent? A `me` that misses the address most of Sent comes from inverts everything
// (your promises read as theirs), so doctor, the first sync and init ask this of a sample of Sent. Pure.
import { canonicalAddress, isMe } from './who.js';

export interface SenderCount {
  address: string;
  count: number;
  /** Of the sampled mails, 0..1. */
  share: number;
}

/** A sender counts as one of the user's own when it sent at least this share of the sample. */
export const FREQUENT_SHARE = 0.2;

/** Senders of the sample, most frequent first (empty From lines ignored). */
export function senderCounts(froms: readonly string[]): SenderCount[] {
  const counts = new Map<string, number>();
  for (const from of froms) {
    if (!from.includes('@')) continue;
    const address = canonicalAddress(from);
    counts.set(address, (counts.get(address) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  return [...counts.entries()]
    .map(([address, count]) => ({ address, count, share: count / total }))
    .sort((a, b) => b.count - a.count || a.address.localeCompare(b.address));
}

/** Frequent senders of Sent that `me` lacks: each is very likely one of the user's own addresses. */
export function missingIdentities(froms: readonly string[], me: readonly string[]): SenderCount[] {
  return senderCounts(froms).filter((s) => s.share >= FREQUENT_SHARE && !isMe(s.address, me));
}

/** One line naming what is missing, with the fix; null when `me` covers the frequent senders. */
export function identityWarning(missing: readonly SenderCount[], sampled: number): string | null {
  if (missing.length === 0) return null;
  const list = missing.map((m) => `${m.address} (${m.count} of ${sampled})`).join(', ');
  const add = missing.map((m) => `"${m.address}"`).join(', ');
  return `mail in Sent comes from ${list}, which "me" does not list: your own promises would read as someone else's — fix: add ${add} to "me" in the config`;
}
