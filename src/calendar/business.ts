// Business days: weekends (Saturday, Sunday) and the configured holidays are off. Follow-ups, lateness and
// "end of month" count in them. Pure: every function takes its instants, zone and holidays as arguments.
import { addDays, type Day, type LocalDay, weekdayOf } from './day.js';
import { localDay, sameTimeOn } from './zone.js';

/** Saturday or Sunday. */
export function isWeekend(day: Day | LocalDay): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

export function isBusinessDay(day: Day, holidays: readonly Day[]): boolean {
  return !isWeekend(day) && !holidays.includes(day);
}

/** The first business day strictly after `day`. */
export function nextBusinessDay(day: Day, holidays: readonly Day[]): Day {
  let next = addDays(day, 1);
  while (!isBusinessDay(next, holidays)) next = addDays(next, 1);
  return next;
}

/** The last Monday–Friday day of the month `day` is in (a due date read from a mail knows no holidays). */
export function lastBusinessDayOfMonth(day: LocalDay): LocalDay {
  let last = addDays({ year: day.year, month: day.month, day: 1 }, 40);
  last = addDays({ year: last.year, month: last.month, day: 1 }, -1);
  while (isWeekend(last)) last = addDays(last, -1);
  return last;
}

/** `n` Monday–Friday days after `day` ("in 3 business days" read from a mail, which knows no holidays). */
export function addWeekdays(day: LocalDay, n: number): LocalDay {
  let next = day;
  for (let left = n; left > 0;) {
    next = addDays(next, 1);
    if (!isWeekend(next)) left--;
  }
  return next;
}

/**
 * `n` business days after (or, negative, before) the instant, at the SAME LOCAL TIME OF DAY on the resulting
 * day: a mail sent Friday 10:00 New York time is due for a follow-up Monday 10:00 New York time, even across
 * a DST change. Counting starts from the day after the instant's local day, so a start on a weekend counts
 * Monday as 1. n = 0 returns the instant itself.
 */
export function addBusinessDays(instant: Date, n: number, zone: string, holidays: readonly Day[]): Date {
  if (n === 0) return new Date(instant.getTime());
  const step = n > 0 ? 1 : -1;
  let day = localDay(instant, zone);
  for (let left = Math.abs(n); left > 0;) {
    day = addDays(day, step);
    if (isBusinessDay(day, holidays)) left--;
  }
  return sameTimeOn(day, instant, zone);
}

/**
 * Business days d with localDay(a) < d ≤ localDay(b); negative when b's day is before a's. The inverse of
 * addBusinessDays: businessDaysBetween(a, addBusinessDays(a, n)) === n.
 */
export function businessDaysBetween(a: Date, b: Date, zone: string, holidays: readonly Day[]): number {
  const from = localDay(a, zone);
  const to = localDay(b, zone);
  if (from === to) return 0;
  const [low, high, sign] = from < to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let day = addDays(low, 1); day <= high; day = addDays(day, 1)) {
    if (isBusinessDay(day, holidays)) count++;
  }
  return sign * count;
}
