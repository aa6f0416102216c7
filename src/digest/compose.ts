// The morning digest as data: which items go in which section, in what order, with what words. Pure: items,
// `now` and the user's settings in, a Digest (or null on a quiet day) out.
import { addBusinessDays, businessDaysBetween, localDay } from '../track/business-days.js';
import { type CadencePolicy, followUpDue } from '../track/cadence.js';
import { isOverdue } from '../track/lifecycle.js';
import type { Digest, DigestLine, DigestSection, TrackedItem } from '../types.js';
import { person, shortCalendarDay, shortDay } from './format.js';
import { suggestFollowUp } from './suggest.js';

export interface ComposeOptions {
  now: Date;
  timeZone: string;
  holidays: readonly string[];
  /** When the previous digest went out: "kept since" starts there (the last day when there was none). */
  lastDigestAt: string | null;
  maxItems: number;
  /** Return null on a day with nothing overdue, due, waiting, asked or newly kept. */
  quiet: boolean;
  cadence: CadencePolicy;
}

export const SECTION_TITLES: Record<DigestSection, string> = {
  overdue: 'Overdue',
  'due-today': 'Due today',
  'coming-up': 'Coming up',
  waiting: 'Waiting on them',
  'asked-of-you': 'Asked of you',
  kept: 'Kept since the last digest',
};
const ORDER: DigestSection[] = ['overdue', 'due-today', 'coming-up', 'waiting', 'asked-of-you', 'kept'];
/** A promise with no date is counted as due this many business days after it was made. */
export const UNDATED_BUSINESS_DAYS = 3;

interface Placed {
  item: TrackedItem;
  section: DigestSection;
  line: Omit<DigestLine, 'number' | 'section'>;
}

function effectiveDue(item: TrackedItem, o: ComposeOptions): { day: string; text: string } | null {
  if (item.due) return { day: item.due.date, text: `you wrote '${item.due.text}' → ${shortCalendarDay(item.due.date)}` };
  if (item.kind !== 'promise') return null;
  const implied = localDay(addBusinessDays(new Date(item.sentAt), UNDATED_BUSINESS_DAYS, o.timeZone, o.holidays), o.timeZone);
  return { day: implied, text: `no date given → counted as ${shortCalendarDay(implied)}` };
}

function base(item: TrackedItem, o: ComposeOptions) {
  return {
    itemId: item.id,
    quote: item.kind === 'awaiting-reply' ? item.subject || item.text : item.text,
    who: item.counterparties.map(person).join(', ') || '—',
    subject: item.subject,
    sent: shortDay(new Date(item.sentAt), o.timeZone),
    due: null as string | null,
    suggestion: null as string | null,
    evidence: null as string | null,
  };
}

function placePromise(item: TrackedItem, o: ComposeOptions): Placed | null {
  const today = localDay(o.now, o.timeZone);
  const due = effectiveDue(item, o);
  if (!due) return null;
  const line = { ...base(item, o), due: due.text };
  const overdue = item.due ? isOverdue(item, o.now, o.timeZone) : due.day < today;
  if (overdue) {
    const late = businessDaysBetween(new Date(`${due.day}T12:00:00Z`), o.now, o.timeZone, o.holidays);
    const by = late > 0 ? `${late} business day${late === 1 ? '' : 's'} late` : 'late';
    return { item, section: 'overdue', line: { ...line, next: `${by}: do it today, or reply "due N <day>" with a new date.` } };
  }
  if (due.day === today) return { item, section: 'due-today', line: { ...line, next: 'Due today.' } };
  const horizon = localDay(addBusinessDays(o.now, 3, o.timeZone, o.holidays), o.timeZone);
  if (due.day <= horizon) return { item, section: 'coming-up', line: { ...line, next: `Due ${shortCalendarDay(due.day)}.` } };
  return null;
}

function placeWaiting(item: TrackedItem, o: ComposeOptions): Placed | null {
  const follow = followUpDue(item, o.now, o.timeZone, o.holidays, o.cadence);
  if (!follow) return null;
  const at = 'letGo' in follow ? follow.at : follow.due;
  if (at.getTime() > o.now.getTime()) return null; // not yet: never pushy
  const waited = businessDaysBetween(new Date(item.sentAt), o.now, o.timeZone, o.holidays);
  const letGo = 'letGo' in follow;
  const nudge = letGo ? o.cadence.maxNudges : follow.nudge;
  const next = letGo
    ? `No answer after ${o.cadence.maxNudges} follow-ups: send a last note, or reply "drop N".`
    : `Waiting ${waited} business days. Follow up (nudge ${nudge} of ${o.cadence.maxNudges}).`;
  const line = { ...base(item, o), due: item.due ? `they wrote '${item.due.text}' → ${shortCalendarDay(item.due.date)}` : null };
  return { item, section: 'waiting', line: { ...line, next, suggestion: suggestFollowUp(item, nudge, letGo) } };
}

function placeKept(item: TrackedItem, o: ComposeOptions): Placed | null {
  const since = o.lastDigestAt ? Date.parse(o.lastDigestAt) : o.now.getTime() - 86_400_000;
  if (Date.parse(item.updatedAt) <= since || !item.evidence) return null;
  const e = item.evidence;
  const proof = e.attachment ? `${e.attachment} in "${e.subject}"` : e.words.length ? `"${e.words.join(' ')}" in "${e.subject}"` : `"${e.subject}"`;
  return {
    item,
    section: 'kept',
    line: { ...base(item, o), evidence: `${proof}, ${shortDay(new Date(e.at), o.timeZone)}`, next: 'Kept. Wrong? Reply "reopen N".' },
  };
}

function place(item: TrackedItem, o: ComposeOptions): Placed | null {
  const asleep = item.status === 'snoozed' && item.snoozedUntil !== null && Date.parse(item.snoozedUntil) > o.now.getTime();
  // Only kept promises are reported: an answered thread is news the user already read in their inbox.
  if (item.status === 'kept') return placeKept(item, o);
  if ((item.status !== 'open' && item.status !== 'snoozed') || asleep) return null;
  if (item.kind === 'promise') return placePromise(item, o);
  if (item.kind === 'asked-of-you') {
    const name = item.counterparties[0]?.name || item.counterparties[0]?.address || 'them';
    return { item, section: 'asked-of-you', line: { ...base(item, o), next: `Reply to ${name}, or "done N" if you already did.` } };
  }
  return placeWaiting(item, o);
}

export function composeDigest(items: readonly TrackedItem[], o: ComposeOptions): Digest | null {
  const placed = items.map((item) => place(item, o)).filter((p): p is Placed => p !== null);
  const urgent = placed.filter((p) => p.section !== 'coming-up');
  if (o.quiet && urgent.length === 0) return null;
  const rank = (p: Placed) => ORDER.indexOf(p.section);
  placed.sort((a, b) => rank(a) - rank(b) || Date.parse(a.item.sentAt) - Date.parse(b.item.sentAt) || a.item.id - b.item.id);
  const shown = placed.slice(0, o.maxItems);
  const sections = ORDER.map((section) => ({
    section,
    title: SECTION_TITLES[section],
    lines: shown.filter((p) => p.section === section),
  }))
    .filter((s) => s.lines.length > 0);
  let number = 0;
  const numbered = sections.map((s) => ({
    section: s.section,
    title: s.title,
    lines: s.lines.map((p): DigestLine => ({ ...p.line, number: ++number, section: s.section })),
  }));
  const count = (section: DigestSection) => placed.filter((p) => p.section === section).length;
  const parts = [
    count('overdue') && `${count('overdue')} overdue`,
    count('due-today') && `${count('due-today')} due today`,
    count('waiting') && `${count('waiting')} waiting on a reply`,
    count('asked-of-you') && `${count('asked-of-you')} asked of you`,
  ].filter(Boolean);
  const subject = `followthru: ${parts.length ? parts.join(', ') : `${placed.length} to look at`}`;
  return { forDay: localDay(o.now, o.timeZone), subject, sections: numbered, more: placed.length - shown.length };
}
