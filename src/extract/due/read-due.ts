// Reads the due date of one sentence: business phrases first, then chrono-node, then refinements.
import type { Due } from '../../types.js';
import { BUSINESS_PHRASES } from './business-phrases.js';
import { addDays, clampDay, compareDays, dayText, isoAt, type LocalDay, localDayOf } from '../../calendar/index.js';
import { chronoHits } from './chrono.js';
import { DEFAULT_HOLIDAYS } from './holidays.js';
import { BEFORE_WORDS } from './words.js';

interface Candidate {
  index: number;
  text: string;
  day: LocalDay;
  time: { hour: number; minute: number } | null;
  namesDay: boolean;
  source: string;
}

/** Phrases chrono reads as a time that never set a due date. */
const NOT_A_DUE =
  /^(?:now|right now|at the moment|atm|currently|then|once|sec|second|today's|(?:for )?a quarter|a m)$/i;
/** "before Monday", "prior to the 20th": the day before the one named (the holiday parser reads its own); "on or
 * before March 20" is that day itself. */
const BEFORE = new RegExp(`(?<!\\bon or )\\b${BEFORE_WORDS}\\s+(?:the\\s+)?$`, 'i');
const STARTS_BEFORE = new RegExp(`^${BEFORE_WORDS}\\b`, 'i');
/** Business phrases that name one day ("by the 20th", "Tues"), which "before" moves back like chrono's days. */
const NAMED_DAY_PHRASES = new Set(['by-the-nth', 'short-weekday']);

/** Due before a named day is due the day before it. */
function dayBefore(sentence: string, index: number, text: string, day: LocalDay): LocalDay {
  const lead = sentence.slice(0, index);
  return BEFORE.test(lead) || (STARTS_BEFORE.test(text) && !/\bon or\s*$/i.test(lead)) ? addDays(day, -1) : day;
}
/** Lower-case words that are months or weekdays only when capitalised: "I may", "we sat down". */
const LOWER_CASE_WORD = /^(?:may|march|sat|sun)$/;

/** Before a day that names a thing: "the April 1 schedule", "your March 3 letter"; or its start: "since Monday". */
const ARTICLE_BEFORE = /\b(?:the|a|an|this|that|our|your|his|her|their|my|its)\s+$/i;
const DATED_BEFORE = /\b(?:dated|since|from)\s+$/i;
/** What may follow a day that still says when: "the Friday deadline", "this Friday at noon", "that Monday or". */
const STILL_WHEN =
  /^\s+(?:deadlines?|due|cut-?off|target|at|by|and|or|to|until|through|thru|before|after|if|when|morning|afternoon|evening|night|noon|am|pm|a\.m|p\.m)\b/i;

/** "I'll forward the April 1 schedule today": the first day names the schedule, the second says when. */
function namesAThing(sentence: string, c: Candidate): boolean {
  const before = sentence.slice(0, c.index);
  if (DATED_BEFORE.test(before)) return true;
  const after = sentence.slice(c.index + c.text.length);
  return ARTICLE_BEFORE.test(before) && /^\s+[a-z]/i.test(after) && !STILL_WHEN.test(after);
}

export interface DueReading {
  due: Due | null;
  /** The day read names a thing ("the Monday numbers"), read only because nothing in the text says when. */
  namesAThing?: boolean;
  /** How it was read, for `followthru explain`: "read 'Friday' as Fri 2001-05-11, -07:00". */
  trace: string[];
}

/** `holidays` is the config's country setting ("US", "GB", …): which named holidays apply. */
export function readDue(
  sentence: string,
  sentAt: Date,
  offsetMinutes: number,
  holidays: string | readonly string[] = DEFAULT_HOLIDAYS,
): DueReading {
  const sentDay = localDayOf(sentAt, offsetMinutes);
  const candidates: Candidate[] = [];
  for (const phrase of BUSINESS_PHRASES) {
    const match = phrase.pattern.exec(sentence);
    const hit = match ? phrase.resolve(match, sentDay) : null;
    if (!match || !hit) continue;
    const day = NAMED_DAY_PHRASES.has(phrase.id) ? dayBefore(sentence, match.index, match[0], hit.day) : hit.day;
    candidates.push({ index: match.index, text: match[0], ...hit, day, namesDay: !phrase.weak, source: phrase.id });
  }
  const overlapping = (index: number, length: number) =>
    candidates.filter((c) => index < c.index + c.text.length && c.index < index + length);
  // "today and the rest of the week": the longer phrase is the one meant, not the "today" inside it.
  for (const c of [...candidates]) {
    if (overlapping(c.index, c.text.length).some((o) => o.text.length > c.text.length))
      candidates.splice(candidates.indexOf(c), 1);
  }
  for (const hit of chronoHits(sentence, sentAt, offsetMinutes, holidays)) {
    if (NOT_A_DUE.test(hit.text.trim()) || LOWER_CASE_WORD.test(hit.text.trim())) continue;
    // "Wednesday next week" or "the 20th of next month" name a day inside the window: the longer reading wins.
    const rivals = overlapping(hit.index, hit.text.length);
    if (rivals.some((r) => r.text.length >= hit.text.length || !hit.namesDay)) continue;
    for (const rival of rivals) candidates.splice(candidates.indexOf(rival), 1);
    let day = hit.day;
    // Sent on a Friday, "Friday" means the next one, unless the sentence says today.
    if (hit.weekdayOnly && compareDays(day, sentDay) === 0) day = addDays(day, 7);
    // "before 5 today" names a time, and keeps its day; the holiday parser reads its own "before".
    if (hit.source !== 'holiday' && hit.namesDay && !hit.time) day = dayBefore(sentence, hit.index, hit.text, day);
    candidates.push({
      index: hit.index,
      text: hit.text,
      day,
      time: hit.time,
      namesDay: hit.namesDay,
      source: hit.source,
    });
  }
  const future = candidates.filter((c) => compareDays(c.day, sentDay) >= 0);
  const trace = candidates.map(
    (c) =>
      `read '${c.text}' (${c.source}) as ${dayText(c.day)}${c.time ? ` ${c.time.hour}:${String(c.time.minute).padStart(2, '0')}` : ''}` +
      `${compareDays(c.day, sentDay) < 0 ? ' — in the past, ignored' : ''}`,
  );
  // A day that says when beats one that names a thing ("the April 1 schedule today"); a phrase that names a day
  // beats one that names only a part of a day ("each morning ... starting tomorrow").
  const rank = (c: Candidate) => Number(c.namesDay) * 2 + Number(!namesAThing(sentence, c));
  const best = [...future].sort((a, b) => rank(b) - rank(a) || a.index - b.index)[0];
  // The last step: a day that does not exist ("by the 31st" in November) becomes the month's last, or no date.
  const day = best ? clampDay(best.day) : null;
  if (!best || !day) return { due: null, trace };
  return {
    due: {
      date: dayText(day),
      at: best.time ? isoAt(day, best.time.hour, best.time.minute, offsetMinutes) : null,
      text: best.text.trim(),
    },
    namesAThing: namesAThing(sentence, best),
    trace,
  };
}
