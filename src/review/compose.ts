// The weekly review as data: the week's counts on top, then numbered lines (open promises oldest first, threads
// still waiting, people gone quiet) that a reply answers with the digest's grammar. Pure: items, `now` and the
// zone in; the review out, its digest null when there is nothing to say. Rendered by the digest's renderers.
import { withItemNumber } from '../commands/grammar.js';
import { shortCalendarDay, shortDay } from '../digest/format.js';
import { base, effectiveDue, placeKeepInTouch } from '../digest/place.js';
import { SECTION_TITLES } from '../digest/sections.js';
import { addDays, localDay } from '../calendar/index.js';
import type { Digest, DigestLine, DigestSection, TrackedItem } from '../types.js';
import { type Counts, countsOf, isQuiet, tally, type TallyOptions } from './tally.js';

export interface ReviewOptions extends TallyOptions {
  /** At most this many numbered lines (digest.maxItems); the rest is "and N more". */
  maxItems: number;
}

export interface WeeklyReview {
  forDay: string;
  /** The first day the week covers (YYYY-MM-DD, local). */
  fromDay: string;
  counts: Counts;
  /** The oldest open promise, or null when none is open. */
  oldestOpen: TrackedItem | null;
  /** What is rendered and sent; null when every count is zero and nothing is open. */
  digest: Digest | null;
}

type Line = Omit<DigestLine, 'number'>;

const TITLES: Partial<Record<DigestSection, string>> = {
  'still-open': SECTION_TITLES['still-open'],
  waiting: 'Still waiting on them',
  'keep-in-touch': 'Gone quiet',
};

function openLine(item: TrackedItem, o: ReviewOptions, today: string): Line {
  const due = effectiveDue(item, o);
  const day = due ? shortCalendarDay(due.day, o.now) : '';
  const next = !due
    ? 'Open. Done? Reply "done N".'
    : due.day < today
      ? `Overdue since ${day}: do it, or reply "due N <day>" with a new date, or "done N".`
      : `Due ${day}. Done already? Reply "done N".`;
  return { ...base(item, o), section: 'still-open', due: due?.text ?? null, next };
}

function waitingLine(item: TrackedItem, o: ReviewOptions): Line {
  const since = shortDay(new Date(item.sentAt), o.timeZone, o.now);
  const next = `Waiting since ${since}. Answered? Reply "done N"; "draft N" writes a follow-up.`;
  return { ...base(item, o), section: 'waiting', next };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summaryOf(c: Counts, fromDay: string, o: ReviewOptions, oldest: DigestLine | null): string[] {
  const week = `${shortCalendarDay(fromDay, o.now)} – ${shortDay(o.now, o.timeZone, o.now)}`;
  const lines = [
    `The last 7 days (${week}):`,
    `Promises: ${c.made} made · ${c.keptOnTime} kept on time · ${c.keptLate} kept late · ${c.dropped} dropped · ${c.stillOpen} still open`,
    `Threads: ${c.answered} answered · ${c.waiting} still waiting`,
    `People gone quiet: ${c.goneQuiet}`,
  ];
  if (oldest) lines.push(`Oldest open promise: ${oldest.number}. "${oldest.quote}", sent ${oldest.sent}`);
  return lines;
}

export function composeReview(items: readonly TrackedItem[], o: ReviewOptions): WeeklyReview {
  const today = localDay(o.now, o.timeZone);
  const t = tally(items, o);
  const counts = countsOf(t);
  const forDay = today;
  const fromDay = addDays(today, -6);
  const oldestOpen = t.stillOpen[0] ?? null;
  if (isQuiet(counts)) return { forDay, fromDay, counts, oldestOpen, digest: null };
  // Shown in this order, cut at maxItems in the same order: open promises matter most in a review.
  const all: Line[] = [
    ...t.stillOpen.map((i) => openLine(i, o, today)),
    ...t.waiting.map((i) => waitingLine(i, o)),
    ...t.goneQuiet.map((i) => ({ ...placeKeepInTouch(i, o).line, section: 'keep-in-touch' as const })),
  ];
  const shown = all.slice(0, Math.max(0, o.maxItems));
  const numbered = shown.map((line, i): DigestLine => ({
    ...line,
    number: i + 1,
    next: withItemNumber(line.next, i + 1),
  }));
  const sections = (['still-open', 'waiting', 'keep-in-touch'] as const)
    .map((section) => ({
      section,
      title: TITLES[section] ?? section,
      lines: numbered.filter((l) => l.section === section),
    }))
    .filter((s) => s.lines.length > 0);
  const oldest = numbered.find((l) => l.itemId === oldestOpen?.id) ?? null;
  const kept = counts.keptOnTime + counts.keptLate;
  const subject = `followthru weekly review: ${plural(counts.made, 'promise')} made, ${kept} kept, ${counts.stillOpen} still open`;
  const digest: Digest = {
    forDay,
    subject,
    sections,
    more: all.length - shown.length,
    summary: summaryOf(counts, fromDay, o, oldest),
  };
  return { forDay, fromDay, counts, oldestOpen, digest };
}
