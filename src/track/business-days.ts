// Local days and business days in an IANA time zone, with Intl.DateTimeFormat as the only zone database.
// A day is a 'YYYY-MM-DD' string: the user's wall-clock calendar day. Weekends (Saturday, Sunday) and the
// configured holidays are off. Pure: every function takes its instants and zone as arguments.

/** 'YYYY-MM-DD' */
export type Day = string;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, zone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
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

/** Minutes the zone is ahead of UTC at that instant (-240 for New York in summer, 540 for Tokyo). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  const w = wallClock(instant, zone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const wholeSeconds = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallMs - wholeSeconds) / 60_000);
}

function parseDay(day: Day): number {
  const match = DAY_PATTERN.exec(day);
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(ms) || formatDayMs(ms) !== day) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return ms;
}

function formatDayMs(ms: number): Day {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: Day, n: number): Day {
  return formatDayMs(parseDay(day) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: Day): number {
  return new Date(parseDay(day)).getUTCDay();
}

export function localDay(instant: Date, zone: string): Day {
  const w = wallClock(instant, zone);
  return formatDayMs(Date.UTC(w.year, w.month - 1, w.day));
}

/**
 * The instant a wall-clock time on a local day happens in the zone. A time skipped by a DST jump resolves to
 * the later side of the gap (02:30 on a spring-forward night → 03:30); a repeated time to its first occurrence.
 */
export function zonedInstant(day: Day, hour: number, minute: number, second: number, ms: number, zone: string): Date {
  const wall = parseDay(day) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  const first = wall - zoneOffsetMinutes(new Date(wall), zone) * 60_000;
  const second_ = wall - zoneOffsetMinutes(new Date(first), zone) * 60_000;
  const fits = [first, second_].filter((t) => {
    const w = wallClock(new Date(t), zone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) === Math.floor(wall / 1000) * 1000;
  });
  return new Date(fits.length > 0 ? Math.min(...fits) : Math.max(first, second_));
}

export function startOfLocalDay(day: Day, zone: string): Date {
  return zonedInstant(day, 0, 0, 0, 0, zone);
}

/** The last millisecond of the local day: the next day's local midnight minus 1 ms (23 or 25 hours on DST days). */
export function endOfLocalDay(day: Day, zone: string): Date {
  return new Date(startOfLocalDay(addDays(day, 1), zone).getTime() - 1);
}

export function isBusinessDay(day: Day, holidays: readonly Day[]): boolean {
  const weekday = weekdayOf(day);
  return weekday !== 0 && weekday !== 6 && !holidays.includes(day);
}

/** The first business day strictly after `day`. */
export function nextBusinessDay(day: Day, holidays: readonly Day[]): Day {
  let next = addDays(day, 1);
  while (!isBusinessDay(next, holidays)) next = addDays(next, 1);
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
  const w = wallClock(instant, zone);
  return zonedInstant(day, w.hour, w.minute, w.second, instant.getUTCMilliseconds(), zone);
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
