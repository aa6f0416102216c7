// Commands from a reply to a digest: one per line ("done 2", "snooze 3 monday", "not a promise 4"). Pure.
// Only the reply's new text is read, and reading stops at the first quoted or attribution line, so the
// digest's own instructions, quoted below the reply, are never taken for commands.
import { isoAt, offsetOfZone } from '../extract/due/calendar.js';
import { readDue } from '../extract/due/read-due.js';
import { addDays, localDay, weekdayOf, zonedInstant } from '../track/business-days.js';
import type { Due, ReplyCommand } from '../types.js';

const VERBS: [RegExp, 'done' | 'drop' | 'reopen' | 'not-a-promise' | 'snooze' | 'due'][] = [
  [/^(not an? promise|not promise|not a request|wrong)\b/, 'not-a-promise'],
  [/^(done|did it|kept|sent)\b/, 'done'],
  [/^(drop|delete|remove|ignore|forget)\b/, 'drop'],
  [/^(reopen|undo|re-open)\b/, 'reopen'],
  [/^(snooze|later|remind me)\b/, 'snooze'],
  [/^(due|move|reschedule)\b/, 'due'],
];

/** "2, 3 and 5", "1-3", "#4" → [2, 3, 5]; the rest of the line is returned for snooze/due. */
function numbersAt(text: string): { numbers: number[]; rest: string; all: boolean } {
  const all = /^\s*all\b/.exec(text);
  if (all) return { numbers: [], rest: text.slice(all[0].length).trim(), all: true };
  const match = /^\s*((?:#?\d+\s*(?:-\s*\d+)?\s*(?:,|and|&|\s)\s*)*#?\d+(?:\s*-\s*\d+)?)/.exec(text);
  if (!match?.[1]) return { numbers: [], rest: text.trim(), all: false };
  const numbers: number[] = [];
  for (const part of match[1].replace(/#/g, '').split(/\s*(?:,|and|&|\s)\s*/).filter(Boolean)) {
    const [from, to] = part.split('-').map((n) => Number(n.trim()));
    if (from === undefined || Number.isNaN(from)) continue;
    const end = to !== undefined && !Number.isNaN(to) && to >= from && to - from < 100 ? to : from;
    for (let n = from; n <= end; n++) numbers.push(n);
  }
  return { numbers: [...new Set(numbers)], rest: text.slice(match[0].length).trim(), all: false };
}

/** "monday", "next week", "3d", "2 weeks" → 08:00 local on that day. */
function snoozeUntil(text: string, now: Date, zone: string): { until: string; whenText: string } | null {
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
    day = addDays(localDay(now, zone), Number(span[1]) * (span[2].startsWith('w') ? 7 : 1));
  } else {
    day = readDue(`I'll do it ${phrase}`, now, offset).due?.date ?? null;
  }
  if (!day) return null;
  return { until: zonedInstant(day, 8, 0, 0, 0, zone).toISOString(), whenText: phrase };
}

const POLITE_TAIL = /^[-–—,:;\s]*(?:thanks?(?: you)?|thx|ty|please|pls)?[\s!.,]*$/;

/**
 * A new due date read in the user's zone. readDue works in one fixed offset (now's), so a time of day is
 * re-anchored on the due day itself: "due 1 monday 3pm" said in CDT lands at 15:00 CST after the change.
 */
function dueIn(phrase: string, now: Date, zone: string): Due | null {
  const due = readDue(`I'll do it ${phrase}`, now, offsetOfZone(now, zone)).due;
  if (!due) return null;
  const time = due.at ? /T(\d\d):(\d\d)/.exec(due.at) : null;
  if (!time) return { ...due, text: phrase };
  const [hour, minute] = [Number(time[1]), Number(time[2])];
  const instant = zonedInstant(due.date, hour, minute, 0, 0, zone);
  const [year, month, day] = due.date.split('-').map(Number) as [number, number, number];
  return { ...due, at: isoAt({ year, month, day }, hour, minute, offsetOfZone(instant, zone)), text: phrase };
}

/** "2 done", "2, 5 drop": the number first. */
function numbersFirst(text: string): string {
  const match = /^((?:#?\d+\s*(?:,|and|&)?\s*)+)\s+(done|drop|reopen|kept|sent)$/.exec(text);
  return match?.[1] && match[2] ? `${match[2]} ${match[1].trim()}` : text;
}

function parseLine(line: string, now: Date, zone: string, context: number | null): ReplyCommand | null {
  const text = numbersFirst(line.toLowerCase().replace(/^[\s*•\-–]*/, '').replace(/[.!]+$/, '').trim());
  if (!text) return null;
  const verb = VERBS.find(([re]) => re.test(text));
  if (!verb) return /^\w+\s+\d+/.test(text) ? { verb: 'unknown', text: line.trim() } : null;
  let after = text.replace(verb[0], '').trim();
  // "snooze 2 3d": the span's number is not an item number.
  const span = verb[1] === 'snooze' ? /\s(?:for\s+)?(\d+\s*(?:d|days?|w|weeks?))$/.exec(after) : null;
  if (span) after = after.slice(0, span.index);
  const numbersAndRest = numbersAt(after);
  const { all } = numbersAndRest;
  // A bare "done" answers the item quoted just above it (or the digest's only item).
  const numbers = numbersAndRest.numbers.length === 0 && !all && context !== null && after === '' ? [context] : numbersAndRest.numbers;
  const rest = span?.[1] ?? numbersAndRest.rest;
  if (!all && numbers.length === 0) return { verb: 'unknown', text: line.trim() };
  if (verb[1] === 'due') {
    const phrase = rest || 'tomorrow';
    const due = dueIn(phrase, now, zone);
    return due && !all ? { verb: 'due', numbers, due } : { verb: 'unknown', text: line.trim() };
  }
  if (verb[1] === 'snooze') {
    const when = snoozeUntil(rest || 'tomorrow', now, zone);
    return when && !all ? { verb: 'snooze', numbers, ...when } : { verb: 'unknown', text: line.trim() };
  }
  // "Sent 3 files to Ann" is prose, not "done 3": words after the numbers make the line unknown (reported,
  // never applied), unless they are only thanks.
  if (rest && !POLITE_TAIL.test(rest)) return { verb: 'unknown', text: line.trim() };
  return { verb: verb[1], numbers: all ? 'all' : numbers };
}

/** Where the earlier mail starts when a client quotes without ">": nothing below is the user's. */
/** Also the signature delimiter "-- ": the text digest's own footer starts with one. */
const UNQUOTED_ORIGINAL = /^\s*(-{2,}\s*original message|--\s*$|_{10,}\s*$|from:\s.+@.+|sent from my)/i;
/** "On Mon, … wrote:", also its wrapped second line ("dana@x.example> wrote:"). */
const ATTRIBUTION = /^\s*on\b.{0,200}\bwrote:?\s*$|^.{0,200}\bwrote:\s*$/i;
/** A quoted digest line "> 3. \"I'll send…\"" names the item a bare command under it refers to. */
const QUOTED_ITEM = /^\s*>[\s>]*(\d{1,3})\.\s/;

/**
 * Commands from a reply's text, quotes included: quoted lines are never commands, but they tell which item a
 * bare "done" typed under them means. `onlyItem` is the digest's single item number, when it had one.
 */
export function parseReplyCommands(text: string, now: Date, zone: string, onlyItem: number | null = null): ReplyCommand[] {
  const commands: ReplyCommand[] = [];
  let quotedItem: number | null = null;
  let attributed = false;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (UNQUOTED_ORIGINAL.test(line)) break;
    // "On … wrote:" followed by unquoted text is a client that pasted the old mail bare: nothing below is new.
    if (attributed && line.trim() !== '' && !/^\s*>/.test(line)) break;
    if (/^\s*>/.test(line)) {
      attributed = false;
      quotedItem = Number(QUOTED_ITEM.exec(line)?.[1] ?? quotedItem ?? Number.NaN);
      if (Number.isNaN(quotedItem)) quotedItem = null;
      continue;
    }
    if (ATTRIBUTION.test(line)) {
      attributed = true;
      continue;
    }
    const command = parseLine(line, now, zone, quotedItem ?? onlyItem);
    if (command) commands.push(command);
  }
  return commands;
}
