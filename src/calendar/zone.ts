// Instants ↔ days in a zone, with Intl.DateTimeFormat as the only zone database. Two kinds of zone: a fixed UTC
// offset (a mail's own, from its Date header: due dates are read in the sender's day) and an IANA zone (the
// user's, DST included: digests, follow-ups and snoozes land on the user's mornings).
import { addDays, type Day, dayOfMs, dayText, type LocalDay, parseDay } from './day.js';

/** Building an Intl.DateTimeFormat costs far more than using one: one per zone, reused. */
const OFFSET_FORMATS = new Map<string, Intl.DateTimeFormat>();
const WALL_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset, in minutes, of an IANA zone at an instant, DST included (-240 for New York in summer). */
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

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(instant: Date, zone: string): WallClock {
  let format = WALL_FORMATS.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    WALL_FORMATS.set(zone, format);
  }
  const fields: Record<string, number> = {};
  for (const part of format.formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const get = (name: string) => fields[name] ?? 0;
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The day an instant falls on at a fixed UTC offset. */
export function localDayOf(instant: Date, offsetMinutes: number): LocalDay {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The wall-clock day an instant falls on in an IANA zone. */
export function localDay(instant: Date, zone: string): Day {
  const w = wallClock(instant, zone);
  return dayOfMs(Date.UTC(w.year, w.month - 1, w.day));
}

/** An ISO instant for a wall-clock time on a day at a fixed offset: "2001-05-11T17:00:00-07:00". */
export function isoAt(day: LocalDay, hour: number, minute: number, offsetMinutes: number): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.trunc(offsetMinutes / 60))}:${pad(offsetMinutes % 60)}`;
  return `${dayText(day)}T${pad(hour)}:${pad(minute)}:00${zone}`;
}

/** The instant as ISO 8601 at a fixed offset: "2001-05-10T13:26:00-07:00". */
export function isoInOffset(instant: Date, offsetMinutes: number): string {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  const day = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
  const base = isoAt(day, shifted.getUTCHours(), shifted.getUTCMinutes(), offsetMinutes);
  return base.replace(/:00([+-]\d\d:\d\d)$/, `:${String(shifted.getUTCSeconds()).padStart(2, '0')}$1`);
}

/**
 * The instant a wall-clock time on a day happens in an IANA zone. A time skipped by a DST jump resolves to the
 * later side of the gap (02:30 on a spring-forward night → 03:30); a repeated time to its first occurrence.
 */
export function zonedInstant(day: Day, hour: number, minute: number, second: number, ms: number, zone: string): Date {
  const wall = parseDay(day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  const first = wall - offsetOfZone(new Date(wall), zone) * 60_000;
  const second_ = wall - offsetOfZone(new Date(first), zone) * 60_000;
  const fits = [first, second_].filter((t) => {
    const w = wallClock(new Date(t), zone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) === Math.floor(wall / 1000) * 1000;
  });
  return new Date(fits.length > 0 ? Math.min(...fits) : Math.max(first, second_));
}

/** The same wall-clock time of day as `instant`, on another day, in the zone. */
export function sameTimeOn(day: Day, instant: Date, zone: string): Date {
  const w = wallClock(instant, zone);
  return zonedInstant(day, w.hour, w.minute, w.second, instant.getUTCMilliseconds(), zone);
}

export function startOfLocalDay(day: Day, zone: string): Date {
  return zonedInstant(day, 0, 0, 0, 0, zone);
}

/** The last millisecond of the local day: the next day's local midnight minus 1 ms (23 or 25 hours on DST days). */
export function endOfLocalDay(day: Day, zone: string): Date {
  return new Date(startOfLocalDay(addDays(day, 1), zone).getTime() - 1);
}
