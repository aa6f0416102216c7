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
  const name =
    format
      .formatToParts(instant)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}
