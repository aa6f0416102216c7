// What happened to promises, threads and people over the review's week. Pure: items, `now` and the zone in;
// each count as the list of items it counts (the review numbers some of them, tests check the rest).
import { effectiveDue, olderThanBackfill } from '../digest/place.js';
import { KEEP_IN_TOUCH_RULE } from '../people/rule.js';
import { addDays, localDay, startOfLocalDay } from '../calendar/index.js';
import type { TrackedItem } from '../types.js';

export interface TallyOptions {
  now: Date;
  timeZone: string;
  holidays: readonly string[];
  /** As in the digest: open items sent before the backfill window are not listed (an imported archive). */
  backfillDays?: number;
}

/** The items behind each count of the review. */
export interface Tally {
  /** Start of the window: local midnight six days before today, so the week is today and the six days before. */
  since: Date;
  /** Promises made in the window (by the source mail's date). */
  made: TrackedItem[];
  /** Promises kept (evidence) or marked done in the window, on or before the day they were due. */
  keptOnTime: TrackedItem[];
  /** The same, after the day they were due. */
  keptLate: TrackedItem[];
  /** Promises dropped in the window. */
  dropped: TrackedItem[];
  /** Every promise open now (snoozed ones too), oldest first. */
  stillOpen: TrackedItem[];
  /** Threads awaiting a reply that got one in the window (or that the user marked done: "answered? done N"). */
  answered: TrackedItem[];
  /** Threads awaiting a reply now, oldest first. */
  waiting: TrackedItem[];
  /** People gone quiet: open Keep in touch suggestions, longest silent first. */
  goneQuiet: TrackedItem[];
}

export type Counts = { [K in Exclude<keyof Tally, 'since'>]: number };

const isPromise = (item: TrackedItem) => item.kind === 'promise' && item.rule !== KEEP_IN_TOUCH_RULE;
const byAge = (a: TrackedItem, b: TrackedItem) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || a.id - b.id;

/** When a closed promise was kept: the proving mail's date for an automatic "kept", the user's "done" otherwise. */
function keptAt(item: TrackedItem): string {
  return item.status === 'kept' && item.evidence ? item.evidence.at : item.updatedAt;
}

export function tally(items: readonly TrackedItem[], o: TallyOptions): Tally {
  const since = startOfLocalDay(addDays(localDay(o.now, o.timeZone), -6), o.timeZone);
  const inWeek = (iso: string) => Date.parse(iso) >= since.getTime() && Date.parse(iso) <= o.now.getTime();
  const asleep = (i: TrackedItem) =>
    i.status === 'snoozed' && i.snoozedUntil !== null && Date.parse(i.snoozedUntil) > o.now.getTime();
  const live = (i: TrackedItem) => (i.status === 'open' || i.status === 'snoozed') && !olderThanBackfill(i, o);
  const promises = items.filter(isPromise);
  const kept = promises.filter((i) => (i.status === 'kept' || i.status === 'done') && inWeek(keptAt(i)));
  const onTime = (i: TrackedItem) => {
    const due = effectiveDue(i, o);
    return due === null || localDay(new Date(keptAt(i)), o.timeZone) <= due.day;
  };
  const threads = items.filter((i) => i.kind === 'awaiting-reply');
  return {
    since,
    made: promises.filter((i) => inWeek(i.sentAt)),
    keptOnTime: kept.filter(onTime),
    keptLate: kept.filter((i) => !onTime(i)),
    dropped: promises.filter((i) => i.status === 'dropped' && inWeek(i.updatedAt)),
    stillOpen: promises.filter(live).sort(byAge),
    answered: threads.filter((i) => (i.status === 'answered' || i.status === 'done') && inWeek(i.updatedAt)),
    waiting: threads.filter(live).sort(byAge),
    // A Keep in touch line quotes old mail by design: the backfill window does not apply (as in the digest).
    goneQuiet: items
      .filter((i) => i.rule === KEEP_IN_TOUCH_RULE && (i.status === 'open' || i.status === 'snoozed') && !asleep(i))
      .sort(byAge),
  };
}

export function countsOf(t: Tally): Counts {
  const { since: _since, ...lists } = t;
  return Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])) as Counts;
}

/** Nothing happened and nothing is open: the review stays quiet. */
export function isQuiet(counts: Counts): boolean {
  return Object.values(counts).every((n) => n === 0);
}
