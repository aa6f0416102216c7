// Calendar arithmetic on local days in a fixed UTC offset (the sender's zone, from the Date header).
// A "local day" is a Date whose UTC fields hold the sender's wall-clock day: it keeps the math free of the host's zone.

export interface LocalDay {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

export function localDayOf(instant: Date, offsetMinutes: number): LocalDay {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

function toUtc(day: LocalDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function fromUtc(ms: number): LocalDay {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(day: LocalDay, n: number): LocalDay {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: LocalDay): number {
  return new Date(toUtc(day)).getUTCDay();
}

export function compareDays(a: LocalDay, b: LocalDay): number {
  return toUtc(a) - toUtc(b);
}

export function formatDay(day: LocalDay): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.year}-${pad(day.month)}-${pad(day.day)}`;
}

/** The Friday of the week (Monday–Sunday) that holds `day`. */
export function fridayOfWeek(day: LocalDay): LocalDay {
  const weekday = weekdayOf(day);
  const mondayOffset = weekday === 0 ? -6 : 1 - weekday;
  return addDays(day, mondayOffset + 4);
}

/** The next day with this weekday strictly after `day`. */
export function nextWeekday(day: LocalDay, weekday: number): LocalDay {
  const ahead = (weekday - weekdayOf(day) + 7) % 7 || 7;
  return addDays(day, ahead);
}

/** The last Monday–Friday day of the month `day` is in. */
export function lastBusinessDayOfMonth(day: LocalDay): LocalDay {
  let last = addDays({ year: day.year, month: day.month, day: 1 }, 40);
  last = addDays({ year: last.year, month: last.month, day: 1 }, -1);
  while (weekdayOf(last) === 0 || weekdayOf(last) === 6) last = addDays(last, -1);
  return last;
}

/** An ISO instant for a wall-clock time on a local day in the given offset: "2001-05-11T17:00:00-07:00". */
export function isoAt(day: LocalDay, hour: number, minute: number, offsetMinutes: number): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${formatDay(day)}T${pad(hour)}:${pad(minute)}:00${zone}`;
}

/** The instant as ISO 8601 in the given UTC offset: "2001-05-10T13:26:00-07:00". */
export function isoInOffset(instant: Date, offsetMinutes: number): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  const day = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  const base = isoAt(day, shifted.getUTCHours(), shifted.getUTCMinutes(), offsetMinutes);
  return base.replace(/:00([+-]\d\d:\d\d)$/, `:${String(shifted.getUTCSeconds()).padStart(2, '0')}$1`);
}

/** The UTC offset, in minutes, of an IANA zone at an instant (DST included). */
/** Building an Intl.DateTimeFormat costs far more than using one: one per zone, reused. */
const OFFSET_FORMATS = new Map<string, Intl.DateTimeFormat>();

export function offsetOfZone(instant: Date, timeZone: string): number {
  let format = OFFSET_FORMATS.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    OFFSET_FORMATS.set(timeZone, format);
  }
  const name = format.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** The Monday–Sunday week that holds `day`, as its Monday. */
export function mondayOfWeek(day: LocalDay): LocalDay {
  const weekday = weekdayOf(day);
  return addDays(day, weekday === 0 ? -6 : 1 - weekday);
}

/** The day with this weekday (0 = Sunday) in the Monday–Sunday week that holds `day`. */
export function weekdayInWeekOf(day: LocalDay, weekday: number): LocalDay {
  return addDays(mondayOfWeek(day), (weekday + 6) % 7);
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

/** Whole calendar months later, clamped to the month's length ("a month from Jan 31" is Feb 28). */
export function addMonths(day: LocalDay, n: number): LocalDay {
  const index = day.year * 12 + (day.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

/**
 * The Gregorian days of a Gregorian year as another calendar counts them (Intl's built-in ICU calendars:
 * 'hebrew', 'islamic-umalqura', 'chinese'), so lunar holidays need no table of their own. Cached per year.
 */
const OTHER_CALENDAR_YEARS = new Map<string, { day: LocalDay; month: string; dayOfMonth: number }[]>();

export function otherCalendarDays(
  calendar: string,
  year: number,
): { day: LocalDay; month: string; dayOfMonth: number }[] {
  const key = `${calendar}:${year}`;
  const cached = OTHER_CALENDAR_YEARS.get(key);
  if (cached) return cached;
  const monthStyle = calendar === 'hebrew' ? 'long' : 'numeric';
  const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, { timeZone: 'UTC', month: monthStyle, day: 'numeric' });
  const days: { day: LocalDay; month: string; dayOfMonth: number }[] = [];
  for (let day: LocalDay = { year, month: 1, day: 1 }; day.year === year; day = addDays(day, 1)) {
    const parts = format.formatToParts(new Date(toUtc(day)));
    const month = parts.find((p) => p.type === 'month')?.value ?? '';
    days.push({ day, month, dayOfMonth: Number(parts.find((p) => p.type === 'day')?.value) });
  }
  OTHER_CALENDAR_YEARS.set(key, days);
  return days;
}
