// When to nudge a thread that waits for the other side, and when to suggest letting it go.
//
// Decision: the steps count from the LAST CLOCK RESTART, not from the original send. clockStartedAt is the
// original send until the user nudges; each nudge restarts it. With steps [3, 7, 14]: the first follow-up is
// due 3 business days after sending; after nudge 1, the next is due 7 business days after that nudge; after
// nudge 2, 14 business days after it. After maxNudges nudges, once the last step has passed again, the answer
// is { letGo }: ask the user whether to drop it. A nudge that came early or late shifts everything after it,
// which is what the person on the other side experiences.
import type { Message, TrackedItem } from '../types.js';
import { addBusinessDays, type Day, nextBusinessDay, startOfLocalDay } from '../calendar/index.js';

export interface CadencePolicy {
  /** Business days to wait before each follow-up; the last entry repeats if maxNudges is larger. */
  afterBusinessDays: readonly number[];
  maxNudges: number;
}

export const DEFAULT_CADENCE: CadencePolicy = { afterBusinessDays: [3, 7, 14], maxNudges: 3 };

export type FollowUp =
  /** Nudge number `nudge` (1-based) is due at `due` (possibly in the future: compare with now). */
  | { due: Date; nudge: number }
  /** All nudges are spent; from `at` on, ask whether to let it go. */
  | { letGo: true; at: Date }
  | null;

export interface FollowUpOptions {
  /** The other side's out-of-office return day: nothing is due before the next business day after it. */
  returnDay?: Day | null;
}

const WAITING_KINDS = new Set(['awaiting-reply', 'their-promise']);

function latest(...instants: (Date | null)[]): Date {
  const times = instants.filter((d): d is Date => d !== null).map((d) => d.getTime());
  return new Date(Math.max(...times));
}

/**
 * The next follow-up for an open (or snoozed) awaiting-reply or their-promise item; null for anything else.
 * A their-promise with a due date is first chased as soon as the due passes (its time, or the start of the next
 * business day after its day); later chases follow the cadence from the clock.
 */
export function followUpDue(
  item: TrackedItem,
  now: Date,
  zone: string,
  holidays: readonly Day[],
  policy: CadencePolicy = DEFAULT_CADENCE,
  options: FollowUpOptions = {},
): FollowUp {
  if (!WAITING_KINDS.has(item.kind) || (item.status !== 'open' && item.status !== 'snoozed')) return null;
  const steps = policy.afterBusinessDays;
  const gap = steps[Math.min(item.nudges, steps.length - 1)] ?? 0;
  const clock = new Date(item.clockStartedAt);
  let due = addBusinessDays(clock, gap, zone, holidays);
  if (item.kind === 'their-promise' && item.due && item.nudges === 0) {
    due = item.due.at ? new Date(item.due.at) : startOfLocalDay(nextBusinessDay(item.due.date, holidays), zone);
  }
  const back = options.returnDay ? startOfLocalDay(nextBusinessDay(options.returnDay, holidays), zone) : null;
  const snoozed = item.status === 'snoozed' && item.snoozedUntil ? new Date(item.snoozedUntil) : null;
  const asleep = snoozed && snoozed.getTime() > now.getTime() ? snoozed : null;
  due = latest(due, back, asleep);
  return item.nudges >= policy.maxNudges ? { letGo: true, at: due } : { due, nudge: item.nudges + 1 };
}

/**
 * The user followed up in the thread: that is a nudge, and it restarts the clock. Mails that are the item's
 * own, or older than the current clock (a resync delivering old mail), change nothing.
 */
export function onUserFollowUp(item: TrackedItem, message: Message, now: Date): TrackedItem {
  if (!WAITING_KINDS.has(item.kind) || (item.status !== 'open' && item.status !== 'snoozed')) return item;
  const sent = message.date ?? now;
  if (message.id === item.messageId || sent.getTime() <= Date.parse(item.clockStartedAt)) return item;
  return {
    ...item,
    nudges: item.nudges + 1,
    clockStartedAt: sent.toISOString(),
    updatedAt: now.toISOString(),
  };
}
