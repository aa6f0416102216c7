// The track address and its FollowUpThen-style tags: "me+followthru@x" tracks a mail; "me+followthru-3d@x",
// "-fri", "-tomorrow", "-dec1" also say when to follow up. Pure.
import { readDue } from '../extract/due/read-due.js';
import type { Address, Due } from '../types.js';
import { zonedInstant } from '../calendar/index.js';

/** The rule id of an item made by sending to the track address (no rule in rules/ found it). */
export const TRACK_ADDRESS_RULE = 'track-address';

export interface TrackTag {
  /** The follow-up day read from the tag, or null for the plain address (the usual cadence). */
  due: Due | null;
  /** 08:00 local on that day: the item sleeps until then. */
  wakeAt: Date | null;
  /** The tag as written, "3d" or "" for none. */
  tag: string;
}

/** "3d" → "in 3 days", "2w" → "in 2 weeks", "dec1" → "dec 1"; anything else as written. */
function phraseOf(tag: string): string {
  const span = /^(\d+)(d|w|m)$/.exec(tag);
  if (span) return `in ${span[1]} ${{ d: 'days', w: 'weeks', m: 'months' }[span[2] as 'd' | 'w' | 'm']}`;
  return tag.replace(/^([a-z]+)(\d+)$/, '$1 $2').replace(/-/g, ' ');
}

/** The tag of the first recipient that is the track address or a tagged form of it; undefined when none is. */
export function readTrackTag(
  recipients: readonly Address[],
  trackAddress: string,
  sentAt: Date,
  zone: string,
  offsetMinutes: number,
): TrackTag | undefined {
  const [local, domain] = trackAddress.toLowerCase().split('@');
  for (const { address } of recipients) {
    const [theirLocal, theirDomain] = address.toLowerCase().split('@');
    if (!local || theirDomain !== domain || !theirLocal) continue;
    if (theirLocal === local) return { due: null, wakeAt: null, tag: '' };
    if (!theirLocal.startsWith(`${local}-`)) continue;
    const tag = theirLocal.slice(local.length + 1);
    const due = readDue(`I will follow up ${phraseOf(tag)}`, sentAt, offsetMinutes).due;
    if (!due) return { due: null, wakeAt: null, tag };
    return { due: { ...due, at: null, text: tag }, wakeAt: zonedInstant(due.date, 8, 0, 0, 0, zone), tag };
  }
  return undefined;
}
