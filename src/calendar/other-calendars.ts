// The Gregorian days of a Gregorian year as another calendar counts them (Intl's built-in ICU calendars:
// 'hebrew', 'islamic-umalqura', 'chinese'), so lunar holidays need no table of their own.
import { addDays, type LocalDay, toUtc } from './day.js';

export interface OtherCalendarDay {
  day: LocalDay;
  /** The month as Intl writes it: its name for the Hebrew calendar (whose leap month moves the numbers), its number for the others. */
  month: string;
  dayOfMonth: number;
}

/** A year of formatting costs milliseconds and a holiday asks for the same few years again and again: cached. */
const YEARS = new Map<string, OtherCalendarDay[]>();

export function otherCalendarDays(calendar: string, year: number): OtherCalendarDay[] {
  const key = `${calendar}:${year}`;
  const cached = YEARS.get(key);
  if (cached) return cached;
  const monthStyle = calendar === 'hebrew' ? 'long' : 'numeric';
  const format = new Intl.DateTimeFormat(`en-u-ca-${calendar}`, { timeZone: 'UTC', month: monthStyle, day: 'numeric' });
  const days: OtherCalendarDay[] = [];
  for (let day: LocalDay = { year, month: 1, day: 1 }; day.year === year; day = addDays(day, 1)) {
    const parts = format.formatToParts(new Date(toUtc(day)));
    const month = parts.find((p) => p.type === 'month')?.value ?? '';
    days.push({ day, month, dayOfMonth: Number(parts.find((p) => p.type === 'day')?.value) });
  }
  YEARS.set(key, days);
  return days;
}
