// Days as data, in the two forms the pipeline holds them: a LocalDay's fields are what due-date reading works in
// ("the 3rd of next month"), a Day's 'YYYY-MM-DD' text is what tracking stores, compares and sorts. The same
// arithmetic serves both. No zone here: zone.ts turns instants into days and back.
//
// Every day that comes in (read from a mail, a reply, the store) passes realDay or clampDay first, so no stage
// downstream meets a day that does not exist: one such day once stopped every digest for good ("not a YYYY-MM-DD
// day: 2026-11-31").

export interface LocalDay {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

/** 'YYYY-MM-DD' */
export type Day = string;

const DAY_MS = 86_400_000;
/** Years a day may have: four digits, as 'YYYY-MM-DD' and the ISO instants built from it need. */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of the day, in ms: a LocalDay's arithmetic runs on UTC so the host's zone never enters it. */
export function toUtc(day: LocalDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function fromUtc(ms: number): LocalDay {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** A Day's midnight UTC in ms; a RangeError for text that is not a real day (a bug upstream, never user input). */
export function parseDay(day: Day): number {
  const match = DAY_TEXT.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || dayOfMs(ms) !== day) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return ms;
}

/** The Day of a UTC midnight (or any instant within that UTC day). */
export function dayOfMs(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The day itself when it exists; the month's last day for a day past it ("the 31st" of November is the 30th);
 * null for what is no day at all: month 13, day 0, a year outside 1000–9999.
 */
export function clampDay(day: LocalDay): LocalDay | null {
  const { year, month } = day;
  if (![year, month, day.day].every(Number.isInteger)) return null;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day.day < 1 || day.day > 31) return null;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

export function dayText(day: LocalDay): Day {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** 'YYYY-MM-DD' made real (see clampDay), or null when the text is not a day. */
export function realDay(text: string): Day | null {
  const match = DAY_TEXT.exec(text);
  if (!match) return null;
  const day = clampDay({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  return day ? dayText(day) : null;
}

/** `n` days later (earlier when negative), in the form it was given. */
export function addDays(day: Day, n: number): Day;
export function addDays(day: LocalDay, n: number): LocalDay;
export function addDays(day: Day | LocalDay, n: number): Day | LocalDay {
  return typeof day === 'string' ? dayOfMs(parseDay(day) + n * DAY_MS) : fromUtc(toUtc(day) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day | LocalDay): number {
  return new Date(typeof day === 'string' ? parseDay(day) : toUtc(day)).getUTCDay();
}

export function compareDays(a: LocalDay, b: LocalDay): number {
  return toUtc(a) - toUtc(b);
}

/** Whole calendar months later, clamped to the month's length ("a month from Jan 31" is Feb 28). */
export function addMonths(day: LocalDay, n: number): LocalDay {
  const index = day.year * 12 + (day.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}
