// How old a digest may be before its numbers stop meaning anything: a reply (or a CLI number) to a digest
// older than 14 days is refused, and "all" needs a digest from the last 2 days, so a reply re-sent weeks later
// cannot replay itself and a bulk command only ever covers a list the user has just read. Pure.
import { shortDay } from '../digest/format.js';

const DAY_MS = 86_400_000;
export const MAX_DIGEST_AGE_DAYS = 14;
export const MAX_BULK_AGE_DAYS = 2;

export type AllPolicy = { allowed: true } | { allowed: false; why: string };

export interface Freshness {
  /** "Mon 16 Nov": the day the digest went out, in the user's zone. */
  day: string;
  /** Null when its numbers may be used; else why not. */
  stale: string | null;
  all: AllPolicy;
}

/** `sentAt` is when the digest went out (its row's createdAt when it never was). */
export function digestFreshness(sentAt: string, now: Date, zone: string): Freshness {
  const at = new Date(sentAt);
  const age = now.getTime() - at.getTime();
  const sameYear = at.getUTCFullYear() === now.getUTCFullYear();
  const day = `${shortDay(at, zone)}${sameYear ? '' : ` ${at.getUTCFullYear()}`}`;
  const stale =
    age > MAX_DIGEST_AGE_DAYS * DAY_MS
      ? `the digest of ${day} is more than ${MAX_DIGEST_AGE_DAYS} days old, and its numbers may no longer mean the same items`
      : null;
  const all: AllPolicy =
    age > MAX_BULK_AGE_DAYS * DAY_MS
      ? {
          allowed: false,
          why: `refused: "all" works only on a digest from the last ${MAX_BULK_AGE_DAYS} days (this one is from ${day}); name the items instead`,
        }
      : { allowed: true };
  return { day, stale, all };
}
