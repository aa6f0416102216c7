// What tracking one mail is given and hands back, shared by apply.ts and its apply-*.ts steps (so neither imports the other's types).
import type { TrackedItem } from '../types.js';

export interface TrackContext {
  /** The user's addresses and aliases. */
  me: readonly string[];
  now: Date;
  /** The user's IANA zone. */
  timeZone: string;
  /** YYYY-MM-DD days off. */
  holidays: readonly string[];
  /** An address the user Bccs/Ccs to say "track this thread for a reply". */
  trackAddress?: string;
  /** Days from a closed deal or a delivery to its check-in item; 0 turns check-ins off. Default 14. */
  checkInAfterDays?: number;
}

export interface ItemUpdate {
  id: number;
  item: TrackedItem;
  /** One line for logs and `explain`: "kept: attachment Brochure-2026.pdf". */
  reason: string;
}
