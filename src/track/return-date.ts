// A deliberately small reader of "when I'm back" dates in out-of-office text. It knows a trigger word
// followed by one of: 2026-11-30, 23 Nov(ember) [2026], Nov(ember) 23[rd][, 2026], 11/30[/2026] (US order
// unless the first number is over 12), 30.11.[2026], tomorrow, or a weekday. Anything else gives null.
import { addDays, type Day, weekdayOf } from '../calendar/index.js';

/** Strong triggers first: "back on X" beats "away from W until X" when both are there. */
const TRIGGERS = [
  /\b(?:back|returns?|returning|wieder|ab)\b(?:\s+(?:in|to|at)\s+(?:the\s+)?(?:office|work|my desk))?(?:\s+(?:on|from|by|dem|am))?\s+/gi,
  /\b(?:until|till|through|thru|bis)\b(?:\s+(?:and including|zum|dem))?\s+/gi,
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAY_WORD = '(?:sun|mon|tue|wed|thu|fri|sat)[a-z]*\\.?';
const WEEKDAY_PREFIX = new RegExp(`^${WEEKDAY_WORD},?\\s+(?:the\\s+)?`, 'i');
const ORDINAL = '(?:st|nd|rd|th)?';

function monthOf(word: string): number | null {
  const index = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  const full = /^[a-z]+$/i.test(word) && word.length >= 3;
  return full && index >= 0 ? index + 1 : null;
}

function dayString(year: number, month: number, day: number): Day | null {
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A month and day without a year: the first such date on or after `sentOn`. */
function resolveYear(month: number, day: number, year: string | undefined, sentOn: Day | null): Day | null {
  if (year) return dayString(year.length === 2 ? 2000 + Number(year) : Number(year), month, day);
  if (!sentOn) return null;
  const thisYear = Number(sentOn.slice(0, 4));
  const candidate = dayString(thisYear, month, day);
  if (candidate && candidate >= sentOn) return candidate;
  return dayString(thisYear + 1, month, day);
}

type Reader = (rest: string, sentOn: Day | null) => Day | null | undefined;

/** Each reader looks at the text right after a trigger; undefined means "not my shape". */
const READERS: Reader[] = [
  (rest) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})\b/.exec(rest);
    return m ? dayString(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  },
  (rest, sentOn) => {
    const m = new RegExp(`^(\\d{1,2})${ORDINAL}\\.?\\s+(?:of\\s+)?([a-z]+)\\.?(?:,?\\s+(\\d{4}))?`, 'i').exec(rest);
    const month = m?.[2] ? monthOf(m[2]) : null;
    return m && month ? resolveYear(month, Number(m[1]), m[3], sentOn) : undefined;
  },
  (rest, sentOn) => {
    const m = new RegExp(`^([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL}\\b(?:,?\\s+(\\d{4}))?`, 'i').exec(rest);
    const month = m?.[1] ? monthOf(m[1]) : null;
    return m && month ? resolveYear(month, Number(m[2]), m[3], sentOn) : undefined;
  },
  (rest, sentOn) => {
    const m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/.exec(rest);
    if (!m) return undefined;
    const [first, second] = [Number(m[1]), Number(m[2])];
    return first > 12 ? resolveYear(second, first, m[3], sentOn) : resolveYear(first, second, m[3], sentOn);
  },
  (rest, sentOn) => {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?/.exec(rest);
    return m ? resolveYear(Number(m[2]), Number(m[1]), m[3], sentOn) : undefined;
  },
  (rest, sentOn) => (/^tomorrow\b/i.test(rest) ? (sentOn ? addDays(sentOn, 1) : null) : undefined),
  (rest, sentOn) => {
    const m = new RegExp(`^(${WEEKDAY_WORD})(?![a-z])`, 'i').exec(rest);
    const weekday = m?.[1] ? WEEKDAYS.indexOf(m[1].slice(0, 3).toLowerCase()) : -1;
    if (weekday < 0) return undefined;
    if (!sentOn) return null;
    const ahead = (weekday - weekdayOf(sentOn) + 7) % 7 || 7;
    return addDays(sentOn, ahead);
  },
];

function readDate(rest: string, sentOn: Day | null): Day | null {
  // "Monday 23 Nov" names the date; the weekday alone is only a fallback.
  const withoutWeekday = rest.replace(WEEKDAY_PREFIX, '');
  for (const text of withoutWeekday !== rest ? [withoutWeekday, rest] : [rest]) {
    for (const read of READERS) {
      const day = read(text, sentOn);
      if (day !== undefined) return day;
    }
  }
  return null;
}

export function parseReturnDate(text: string, sentOn: Day | null): Day | null {
  const flat = text.replace(/\s+/g, ' ');
  for (const trigger of TRIGGERS) {
    for (const match of flat.matchAll(trigger)) {
      const day = readDate(flat.slice((match.index ?? 0) + match[0].length), sentOn);
      if (day) return day;
    }
  }
  return null;
}
