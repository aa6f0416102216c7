// Which section one item belongs in today, and the words its line carries. Pure: the item, `now` and the
// user's settings in; a placed line (or null: not in today's digest) out.
import { addBusinessDays, businessDaysBetween, localDay, startOfLocalDay } from '../calendar/index.js';
import { type CadencePolicy, followUpDue } from '../track/cadence.js';
import { KEEP_IN_TOUCH_RULE } from '../people/rule.js';
import { isOverdue } from '../track/lifecycle.js';
import type { DigestLine, DigestSection, TrackedItem } from '../types.js';
import { person, shortCalendarDay, shortDay } from './format.js';
import { type FollowUpTemplates, suggestFollowUp } from './suggest.js';

export interface PlaceOptions {
  now: Date;
  timeZone: string;
  holidays: readonly string[];
  /** When the previous digest went out: "kept since" starts there (the last day when there was none). */
  lastDigestAt: string | null;
  cadence: CadencePolicy;
  /**
   * Mail older than this many days (by its Date header) is left out: the window the first sync reads. An
   * archive imported with today's INTERNALDATE must not put year-2000 promises in today's digest.
   */
  backfillDays?: number;
  /** The user's wording for follow-up suggestions (config followUp.templates); the defaults otherwise. */
  templates?: Partial<FollowUpTemplates>;
}

export interface Placed {
  item: TrackedItem;
  section: DigestSection;
  line: Omit<DigestLine, 'number' | 'section'>;
}

/**
 * A promise with no date is counted as due this many business days after it was made, so it sits in Coming
 * up and then Overdue like any other ("let me check and get back to you" should not wait a fortnight). Chosen
 * over a separate "Open, no date" section, which would list every vague promise every morning forever.
 */
export const UNDATED_BUSINESS_DAYS = 3;
/** Coming up looks this many business days ahead. */
export const COMING_UP_BUSINESS_DAYS = 3;

/** The day a promise counts as due: its own date, or UNDATED_BUSINESS_DAYS after it was made; null otherwise. */
export function effectiveDue(
  item: TrackedItem,
  o: Pick<PlaceOptions, 'now' | 'timeZone' | 'holidays'>,
): { day: string; text: string } | null {
  if (item.due)
    return { day: item.due.date, text: `you wrote '${item.due.text}' → ${shortCalendarDay(item.due.date, o.now)}` };
  if (item.kind !== 'promise') return null;
  const implied = localDay(
    addBusinessDays(new Date(item.sentAt), UNDATED_BUSINESS_DAYS, o.timeZone, o.holidays),
    o.timeZone,
  );
  return { day: implied, text: `no date given → counted as ${shortCalendarDay(implied, o.now)}` };
}

/** The fields every line of an item carries, whatever its section (the weekly review builds on them too). */
export function base(item: TrackedItem, o: Pick<PlaceOptions, 'now' | 'timeZone'>) {
  return {
    itemId: item.id,
    quote: item.kind === 'awaiting-reply' ? item.subject || item.text : item.text,
    who: item.counterparties.map(person).join(', ') || '—',
    subject: item.subject,
    sent: shortDay(new Date(item.sentAt), o.timeZone, o.now),
    // Asked of you and their promises come from mail they sent you: "from X · received", not "to X · sent".
    received: item.kind === 'asked-of-you' || item.kind === 'their-promise',
    due: null as string | null,
    suggestion: null as string | null,
    evidence: null as string | null,
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function placePromise(item: TrackedItem, o: PlaceOptions): Placed | null {
  const today = localDay(o.now, o.timeZone);
  const due = effectiveDue(item, o);
  if (!due) return null;
  const line = { ...base(item, o), due: due.text };
  const overdue = item.due ? isOverdue(item, o.now, o.timeZone) : due.day < today;
  if (overdue) {
    // Counted from the due day's local midnight: noon UTC would land on the wrong day far east of Greenwich.
    const late = businessDaysBetween(startOfLocalDay(due.day, o.timeZone), o.now, o.timeZone, o.holidays);
    const by = late > 0 ? `${plural(late, 'business day')} late` : 'Late';
    return {
      item,
      section: 'overdue',
      line: { ...line, next: `${by}: do it today, or reply "due N <day>" with a new date.` },
    };
  }
  if (due.day === today) return { item, section: 'due-today', line: { ...line, next: 'Due today.' } };
  const horizon = localDay(addBusinessDays(o.now, COMING_UP_BUSINESS_DAYS, o.timeZone, o.holidays), o.timeZone);
  if (due.day <= horizon)
    return { item, section: 'coming-up', line: { ...line, next: `Due ${shortCalendarDay(due.day, o.now)}.` } };
  return null;
}

function placeWaiting(item: TrackedItem, o: PlaceOptions): Placed | null {
  const follow = followUpDue(item, o.now, o.timeZone, o.holidays, o.cadence);
  if (!follow) return null;
  const at = 'letGo' in follow ? follow.at : follow.due;
  if (at.getTime() > o.now.getTime()) return null; // not yet: never pushy
  const waited = businessDaysBetween(new Date(item.sentAt), o.now, o.timeZone, o.holidays);
  const letGo = 'letGo' in follow;
  const nudge = letGo ? o.cadence.maxNudges : follow.nudge;
  const next = letGo
    ? `No answer after ${plural(o.cadence.maxNudges, 'follow-up')}: send a last note, or reply "drop N".`
    : `Waiting ${plural(waited, 'business day')}. Follow up (nudge ${nudge} of ${o.cadence.maxNudges}).`;
  const line = {
    ...base(item, o),
    due: item.due ? `they wrote '${item.due.text}' → ${shortCalendarDay(item.due.date, o.now)}` : null,
  };
  return {
    item,
    section: 'waiting',
    line: {
      ...line,
      next,
      suggestion: suggestFollowUp(item, letGo, { now: o.now, timeZone: o.timeZone, templates: o.templates }),
    },
  };
}

function placeKept(item: TrackedItem, o: PlaceOptions): Placed | null {
  const since = o.lastDigestAt ? Date.parse(o.lastDigestAt) : o.now.getTime() - 86_400_000;
  if (Date.parse(item.updatedAt) <= since || !item.evidence) return null;
  const e = item.evidence;
  const proof = e.attachment
    ? `${e.attachment} in "${e.subject}"`
    : e.words.length
      ? `"${e.words.join(' ')}" in "${e.subject}"`
      : `"${e.subject}"`;
  return {
    item,
    section: 'kept',
    line: {
      ...base(item, o),
      evidence: `${proof}, ${shortDay(new Date(e.at), o.timeZone, o.now)}`,
      next: 'Kept. Wrong? Reply "reopen N".',
    },
  };
}

/** Someone gone quiet: the last subject and day with them, and what a reply can do. */
export function placeKeepInTouch(item: TrackedItem, o: Pick<PlaceOptions, 'now' | 'timeZone'>): Placed {
  const name = item.counterparties[0]?.name || item.counterparties[0]?.address || 'them';
  const next = `Write to ${name}: last "${item.subject || '(no subject)'}", ${shortDay(new Date(item.sentAt), o.timeZone, o.now)}. Or reply "snooze N 2 weeks", "drop N", "mute N" (never suggest them again).`;
  return { item, section: 'keep-in-touch', line: { ...base(item, o), next } };
}

/** Sent (by its Date header) before the backfill window opens? */
export function olderThanBackfill(item: TrackedItem, o: Pick<PlaceOptions, 'now' | 'backfillDays'>): boolean {
  return o.backfillDays !== undefined && Date.parse(item.sentAt) < o.now.getTime() - o.backfillDays * 86_400_000;
}

export function place(item: TrackedItem, o: PlaceOptions): Placed | null {
  // A Keep in touch line quotes the last mail, which is old by design: never left out by the backfill window.
  if (olderThanBackfill(item, o) && item.rule !== KEEP_IN_TOUCH_RULE) return null;
  const asleep =
    item.status === 'snoozed' && item.snoozedUntil !== null && Date.parse(item.snoozedUntil) > o.now.getTime();
  // Only kept promises are reported: an answered thread is news the user already read in their inbox.
  if (item.status === 'kept') return placeKept(item, o);
  if ((item.status !== 'open' && item.status !== 'snoozed') || asleep) return null;
  if (item.rule === KEEP_IN_TOUCH_RULE) return placeKeepInTouch(item, o);
  if (item.kind === 'promise') return placePromise(item, o);
  if (item.kind === 'asked-of-you') {
    const name = item.counterparties[0]?.name || item.counterparties[0]?.address || 'them';
    return {
      item,
      section: 'asked-of-you',
      line: { ...base(item, o), next: `Reply to ${name}, or "done N" if you already did.` },
    };
  }
  // awaiting-reply and their-promise: a their-promise past its due is chased here, never listed as Overdue.
  return placeWaiting(item, o);
}
