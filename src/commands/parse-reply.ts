// Commands from a reply to a digest: one per line ("done 2", "snooze 3 monday", "not a promise 4"). Pure.
// Only the reply's own lines are read, found by the same quote detector as mail's new text, so the digest's
// own instructions, quoted or pasted below the reply, are never taken for commands.
import { readDue } from '../extract/due/read-due.js';
import { addDays, isoAt, localDay, offsetOfZone, weekdayOf, zonedInstant } from '../calendar/index.js';
import { replyLines } from '../parse/reply-text.js';
import type { Due, ReplyCommand } from '../types.js';
import { NUMBER_FIRST_WORDS, verbAt } from './grammar.js';

/** Months, spans and times of day: a number followed by one is part of a date phrase, never an item number. */
const MONTH =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const UNIT = "d|days?|w|wks?|weeks?|h|hrs?|hours?|months?|business|working|am|pm|a\\.m|p\\.m|o'clock";
/** "4", "#4", "1-3", but not the "3" of "3rd december", "4 december", "3d", "3pm", "12/3" or "9:30". */
// "1 december 4": a month followed by its own day leaves the number before it an item number.
const ITEM_NUMBER = new RegExp(
  `^(#?)(\\d+)(?:\\s*-\\s*#?(\\d+))?(?![\\d\\w]|[:/.]\\d|\\s+(?:${MONTH})(?![a-z])(?!\\s*\\d)|\\s+(?:${UNIT})(?![a-z]))`,
);
const SEPARATOR = /^\s*(?:,|and\b|&)?\s*/;
/** A range wider than this is a typo or an attack ("done 1-99999999"), not a selection. */
const MAX_RANGE = 100;

interface Numbers {
  numbers: number[];
  /** Those written "#4": the CLI reads them as list ids; a reply to a digest reads them as digest numbers. */
  hashed: number[];
  rest: string;
  all: boolean;
  /** A number too large to be exact (beyond 2^53): no item can have it. */
  outOfRange: boolean;
}

/** "2, 3 and 5", "1-3", "#4" → [2, 3, 5]; the rest of the line is returned for snooze/due. */
function numbersAt(text: string): Numbers {
  const all = /^\s*all\b/.exec(text);
  if (all) return { numbers: [], hashed: [], rest: text.slice(all[0].length).trim(), all: true, outOfRange: false };
  const found = { numbers: [] as number[], hashed: [] as number[], outOfRange: false };
  let at = text.length - text.trimStart().length;
  let rest = text.slice(at);
  for (let first = true; ; first = false) {
    const separator = first ? '' : (SEPARATOR.exec(rest)?.[0] ?? '');
    const match = ITEM_NUMBER.exec(rest.slice(separator.length));
    if (!match?.[2]) break;
    const from = Number(match[2]);
    const to = match[3] === undefined ? from : Number(match[3]);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) found.outOfRange = true;
    else {
      const end = to >= from && to - from < MAX_RANGE ? to : from;
      for (let n = from; n <= end; n++) {
        found.numbers.push(n);
        if (match[1] === '#') found.hashed.push(n);
      }
    }
    at += separator.length + match[0].length;
    rest = text.slice(at);
  }
  return {
    numbers: [...new Set(found.numbers)],
    hashed: [...new Set(found.hashed)],
    rest: rest.trim(),
    all: false,
    outOfRange: found.outOfRange,
  };
}

/** A time phrase read as the due-date reader reads mail; "december 4" alone reads only as "on december 4". */
function readPhrase(phrase: string, now: Date, offset: number): Due | null {
  return readDue(`I'll do it ${phrase}`, now, offset).due ?? readDue(`I'll do it on ${phrase}`, now, offset).due;
}

/** Ten years: a longer snooze is a typo, and a calendar cannot place it. */
const MAX_SNOOZE_DAYS = 3650;

/** "monday", "next week", "3d", "2 weeks" → 08:00 local on that day. */
function snoozeUntil(text: string, now: Date, zone: string): { until: string; day: string; whenText: string } | null {
  const phrase = text.replace(/^(until|till|to|for)\s+/, '').trim();
  const span = /^(\d+)\s*(d|days?|w|weeks?)$/.exec(phrase);
  const offset = offsetOfZone(now, zone);
  let day: string | null = null;
  if (/^next week$/.test(phrase)) {
    // A snooze "until next week" wakes on its first business morning, not at its end.
    let next = addDays(localDay(now, zone), 1);
    while (weekdayOf(next) !== 1) next = addDays(next, 1);
    day = next;
  } else if (span?.[1] && span[2]) {
    if (Number(span[1]) > MAX_SNOOZE_DAYS) return null;
    day = addDays(localDay(now, zone), Number(span[1]) * (span[2].startsWith('w') ? 7 : 1));
  } else {
    day = readPhrase(phrase, now, offset)?.date ?? null;
  }
  if (!day) return null;
  return { until: zonedInstant(day, 8, 0, 0, 0, zone).toISOString(), day, whenText: phrase };
}

const POLITE_TAIL = /^[-–—,:;\s]*(?:thanks?(?: you)?|thx|ty|please|pls)?[\s!.,]*$/;

/**
 * A new due date read in the user's zone. readDue works in one fixed offset (now's), so a time of day is
 * re-anchored on the due day itself: "due 1 monday 3pm" said in CDT lands at 15:00 CST after the change.
 */
function dueIn(phrase: string, now: Date, zone: string): Due | null {
  const due = readPhrase(phrase, now, offsetOfZone(now, zone));
  if (!due) return null;
  const time = due.at ? /T(\d\d):(\d\d)/.exec(due.at) : null;
  if (!time) return { ...due, text: phrase };
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  const instant = zonedInstant(due.date, hour, minute, 0, 0, zone);
  const [year, month, day] = due.date.split('-').map(Number) as [number, number, number];
  return { ...due, at: isoAt({ year, month, day }, hour, minute, offsetOfZone(instant, zone)), text: phrase };
}

/** "2 done", "2, 5 drop": the number first. */
const NUMBER_FIRST = new RegExp(`^((?:#?\\d+\\s*(?:,|and|&)?\\s*)+)\\s+(${NUMBER_FIRST_WORDS})$`);
function numbersFirst(text: string): string {
  const match = NUMBER_FIRST.exec(text);
  return match?.[1] && match[2] ? `${match[2]} ${match[1].trim()}` : text;
}

/**
 * The verbs whose command is item numbers or "all" and nothing more, read off ReplyCommand in types.ts: a new such
 * verb is declared there and in grammar.ts, never here.
 */
type PlainVerb = ReplyCommand extends infer C
  ? C extends { verb: infer V; numbers: infer N }
    ? 'all' extends N
      ? V
      : never
    : never
  : never;

/** One command line (no quote marker), lower-cased inside. `context` is the item a bare "done" means. */
export function parseLine(line: string, now: Date, zone: string, context: number | null): ReplyCommand | null {
  const text = numbersFirst(
    line
      .toLowerCase()
      .replace(/^[\s*•\-–]*/, '')
      .replace(/[.!]+$/, '')
      .trim(),
  );
  if (!text) return null;
  const unknown: ReplyCommand = { verb: 'unknown', text: line.trim() };
  const found = verbAt(text);
  if (!found) return /^\w+\s+\d+/.test(text) ? unknown : null;
  const { spec, rest: after } = found;
  const parsed = numbersAt(after);
  if (parsed.outOfRange) return { ...unknown, reason: 'no such item' };
  const { all, hashed } = parsed;
  // A bare "done" answers the item quoted just above it (or the digest's only item).
  const numbers = parsed.numbers.length === 0 && !all && context !== null && after === '' ? [context] : parsed.numbers;
  const marks = hashed.length > 0 ? { hashed } : {};
  if (!all && numbers.length === 0) return unknown;
  if (spec.takes === 'when') {
    // "due 2" / "snooze 2" alone mean tomorrow; a time must follow the numbers, and "all" never takes one.
    const phrase = parsed.rest || 'tomorrow';
    if (all) return unknown;
    if (spec.verb === 'due') {
      const due = dueIn(phrase, now, zone);
      return due ? { verb: 'due', numbers, due, ...marks } : unknown;
    }
    const when = snoozeUntil(phrase, now, zone);
    return when ? { verb: 'snooze', numbers, ...when, ...marks } : unknown;
  }
  // "Sent 3 files to Ann" is prose, not "done 3": words after the numbers make the line unknown (reported,
  // never applied), unless they are only thanks.
  if (parsed.rest && !POLITE_TAIL.test(parsed.rest)) return unknown;
  // One draft per item named: "draft all" would fill Drafts with mail nobody asked for.
  if (spec.verb === 'mute')
    return all
      ? { ...unknown, reason: 'name the people to mute ("mute 6"), not all' }
      : { verb: 'mute', numbers, ...marks };
  if (spec.verb === 'draft')
    return all
      ? { ...unknown, reason: 'name the items to draft ("draft 2 3"), not all' }
      : { verb: 'draft', numbers, ...marks };
  return { verb: spec.verb as PlainVerb, numbers: all ? 'all' : numbers, ...marks };
}

/** A quoted digest line "> 3. \"I'll send…\"" names the item a bare command under it refers to. */
const QUOTED_ITEM = /^[\s>|]*(\d{1,3})\.\s/;

/**
 * Commands from a reply's text, quotes included: the mail quote detector (parse/reply-text.ts) says where the
 * reply's own lines are, in every language and client it knows, so quoted or pasted digest text is never read as
 * a command; a quoted line still tells which item a bare "done" typed under it means. `onlyItem` is the digest's
 * single item number, when it had one.
 */
export function parseReplyCommands(
  text: string,
  now: Date,
  zone: string,
  onlyItem: number | null = null,
): ReplyCommand[] {
  const commands: ReplyCommand[] = [];
  let quotedItem: number | null = null;
  for (const line of replyLines(text)) {
    if (line.quoted) {
      const number = QUOTED_ITEM.exec(line.text)?.[1];
      if (number !== undefined) quotedItem = Number(number);
      continue;
    }
    const command = parseLine(line.text, now, zone, quotedItem ?? onlyItem);
    if (command) commands.push(command);
  }
  return commands;
}
