// The numbers the user reads in the latest digest, for the CLI: `followthru done 4` means item 4 of that
// digest, `followthru done '#12'` means list id 12, and `list` shows both.
import { digestNumbers, type Resolve, type Target } from '../commands/apply.js';
import { digestFreshness, type Freshness } from '../commands/freshness.js';
import { type Db, lastDigest, type StoredDigest } from '../store/index.js';

export interface LatestDigest {
  digest: StoredDigest;
  freshness: Freshness;
  /** Item id → its number in that digest. */
  numberOf: ReadonlyMap<number, number>;
}

/** The latest digest (or weekly review) that went out, or null when none has. */
export async function latestDigest(db: Db, now: Date, zone: string): Promise<LatestDigest | null> {
  const digest = await lastDigest(db, { sentOnly: true });
  if (!digest) return null;
  const freshness = digestFreshness(digest.sentAt ?? digest.createdAt, now, zone);
  return { digest, freshness, numberOf: new Map(digest.entries.map((e) => [e.itemId, e.number])) };
}

/** Plain numbers through the latest digest (when it is fresh enough), "#12" as list ids. */
export function cliTargets(latest: LatestDigest | null): Resolve {
  const byDigest =
    latest && !latest.freshness.stale ? digestNumbers(latest.digest.entries, latest.freshness.all) : null;
  const why = latest?.freshness.stale ?? 'no digest has been sent yet';
  return (command) => {
    if (command.numbers === 'all') return byDigest ? byDigest(command) : [{ label: 'all', missing: why }];
    const hashed = new Set(command.hashed ?? []);
    return command.numbers.map((number): Target => {
      if (hashed.has(number)) return { label: `#${number}`, itemId: number };
      if (!byDigest || !latest)
        return { label: String(number), missing: `${why}: give the list id instead ('#12', see followthru list)` };
      const [target] = byDigest({ verb: 'done', numbers: [number] });
      if (!target || !('itemId' in target))
        return { label: String(number), missing: `the digest of ${latest.freshness.day} has no item ${number}` };
      return { label: `${number} (#${target.itemId})`, itemId: target.itemId };
    });
  };
}

/** The first line of a CLI command's output when it used digest numbers: which digest they came from. */
export function digestNote(latest: LatestDigest | null): string {
  if (!latest || latest.freshness.stale) return '';
  // The weekly review numbers its lines too: when it is the latest mail, its numbers are the ones the user reads.
  return `numbers from the ${latest.digest.kind === 'weekly' ? 'weekly review' : 'digest'} of ${latest.freshness.day}`;
}
