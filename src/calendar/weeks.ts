// Where a day sits in its week and its month: "Friday this week", "the next Monday", "the second Tuesday of
// March". Weeks run Monday to Sunday, as the people followthru reads write them. Pure LocalDay arithmetic.
import { addDays, compareDays, daysInMonth, type LocalDay, weekdayOf } from './day.js';

/** The Monday–Sunday week that holds `day`, as its Monday. */
export function mondayOfWeek(day: LocalDay): LocalDay {
  const weekday = weekdayOf(day);
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

/** The day with this weekday (0 = Sunday) in the Monday–Sunday week that holds `day`. */
export function weekdayInWeekOf(day: LocalDay, weekday: number): LocalDay {
  return addDays(mondayOfWeek(day), (weekday + 6) % 7);
}

/** The Friday of the week (Monday–Sunday) that holds `day`. */
export function fridayOfWeek(day: LocalDay): LocalDay {
  return weekdayInWeekOf(day, 5);
}

/** The next day with this weekday strictly after `day`. */
export function nextWeekday(day: LocalDay, weekday: number): LocalDay {
  const ahead = (weekday - weekdayOf(day) + 7) % 7 || 7;
  return addDays(day, ahead);
}

/**
 * The nth `weekday` (0 = Sunday) of a month: n = 1 the first, n = -1 the last, null when the month has no such
 * day ("the fifth Monday of February").
 */
export function nthWeekdayOfMonth(year: number, month: number, weekday: number, n: number): LocalDay | null {
  if (n < 0) {
    const last: LocalDay = { year, month, day: daysInMonth(year, month) };
    const back = (weekdayOf(last) - weekday + 7) % 7;
    const day = addDays(last, -back + 7 * (n + 1));
    return day.month === month ? day : null;
  }
  const first: LocalDay = { year, month, day: 1 };
  const day = addDays(first, ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1));
  return day.month === month ? day : null;
}

/** The first day on or after `from` whose day of the month is `dayOfMonth` and, if given, weekday agrees. */
export function nextDayOfMonth(from: LocalDay, dayOfMonth: number, weekday: number | null = null): LocalDay | null {
  let { year, month } = from;
  for (let i = 0; i < 400; i++) {
    if (dayOfMonth <= daysInMonth(year, month)) {
      const day: LocalDay = { year, month, day: dayOfMonth };
      if (compareDays(day, from) >= 0 && (weekday === null || weekdayOf(day) === weekday)) return day;
    }
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return null;
}
