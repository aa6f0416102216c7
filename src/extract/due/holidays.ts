// Named holidays as data (rules/holidays.json) turned into days: fixed dates, nth weekdays, Easter by the computus
// (Gregorian and Julian), and days of other calendars read through ICU. Which country's holidays apply is the
// `holidays` setting: a name defined for that country wins over the same name defined for everyone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDir } from '../rules.js';
import {
  addDays,
  compareDays,
  type LocalDay,
  localDayOf,
  nthWeekdayOfMonth,
  otherCalendarDays,
  weekdayOf,
} from '../../calendar/index.js';
import { sankranti } from './sun.js';

/** India Standard Time, in minutes east of UTC, and the hour the Hindu solar rules take for sunset. */
const IST = 330;
const SUNSET_HOUR = 18;

export interface HolidayRule {
  fixed?: [number, number];
  nth?: [number, number, number];
  easter?: number;
  orthodoxEaster?: number;
  vagueYearFrom?: [number, number, number];
  /** The sun entering this sidereal longitude, read in India (UTC+5:30); after sunset, the festival is the next day. */
  sankranti?: number;
  calendar?: string;
  month?: string[];
  day?: number;
  offset?: number;
  shift?: Record<string, number>;
  eve?: boolean;
}

export interface Holiday {
  id: string;
  names: string[];
  countries?: string[];
  rule: HolidayRule;
}

interface HolidayFile {
  holidays: Holiday[];
  examples: { text: string; sent: string; due: string | null; holidays?: string }[];
}

export const DEFAULT_HOLIDAYS = 'US';

/** The countries rules/holidays.json defines holidays for. */
export const HOLIDAY_COUNTRIES = ['US', 'CA', 'GB', 'IE', 'AU', 'NZ'] as const;

export function isHolidayCountry(code: string): boolean {
  return (HOLIDAY_COUNTRIES as readonly string[]).includes(code.toUpperCase());
}

let loaded: HolidayFile | null = null;
export function holidayFile(): HolidayFile {
  loaded ??= JSON.parse(readFileSync(join(rulesDir(), 'holidays.json'), 'utf8')) as HolidayFile;
  return loaded;
}

/** Gregorian Easter Sunday (the anonymous Gregorian computus, "Meeus/Jones/Butcher"). */
export function easterSunday(year: number): LocalDay {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { year, month, day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/** Orthodox Easter: the Julian computus (Meeus), moved onto the Gregorian calendar. */
export function orthodoxEasterSunday(year: number): LocalDay {
  const a = year % 4;
  const b = year % 7;
  const c = year % 19;
  const d = (19 * c + 15) % 30;
  const e = (2 * a + 4 * b - d + 34) % 7;
  const month = Math.floor((d + e + 114) / 31);
  const julianDay = ((d + e + 114) % 31) + 1;
  // Julian to Gregorian: the gap grows by one day each century not divisible by 400 (13 days in 1900–2099).
  const century = Math.floor(year / 100);
  const gap = century - Math.floor(century / 4) - 2;
  return addDays({ year, month, day: julianDay }, gap);
}

function baseDay(rule: HolidayRule, year: number): LocalDay | null {
  if (rule.fixed) return { year, month: rule.fixed[0], day: rule.fixed[1] };
  if (rule.nth) return nthWeekdayOfMonth(year, rule.nth[2], rule.nth[1], rule.nth[0]);
  if (rule.easter !== undefined) return addDays(easterSunday(year), rule.easter);
  if (rule.orthodoxEaster !== undefined) return addDays(orthodoxEasterSunday(year), rule.orthodoxEaster);
  if (rule.sankranti !== undefined) {
    const ist = localDayOf(new Date(sankranti(year, rule.sankranti)), IST);
    const hour = new Date(sankranti(year, rule.sankranti) + IST * 60_000).getUTCHours();
    return hour >= SUNSET_HOUR ? addDays(ist, 1) : ist;
  }
  if (rule.vagueYearFrom) {
    // A calendar of 365 days and no leap years (the Parsi Shahenshahi): one known new year, 365 days apart.
    const [y, m, d] = rule.vagueYearFrom;
    const anchor = { year: y, month: m, day: d };
    const guess = addDays(anchor, 365 * (year - y));
    return guess.year === year ? guess : addDays(guess, guess.year < year ? 365 : -365);
  }
  if (rule.calendar && rule.month && rule.day !== undefined) {
    const months = rule.month;
    const hit = otherCalendarDays(rule.calendar, year).find(
      (d) => months.includes(d.month) && d.dayOfMonth === rule.day,
    );
    return hit?.day ?? null;
  }
  return null;
}

/** The day a holiday falls on in a Gregorian year, or null when it does not fall in it (or cannot be read). */
export function holidayInYear(holiday: Holiday, year: number): LocalDay | null {
  let day = baseDay(holiday.rule, year);
  if (!day) return null;
  day = addDays(day, holiday.rule.offset ?? 0);
  day = addDays(day, holiday.rule.shift?.[String(weekdayOf(day))] ?? 0);
  if (holiday.rule.eve) day = addDays(day, -1);
  return day;
}

/** The next time the holiday falls on or after `from`. */
export function nextHoliday(holiday: Holiday, from: LocalDay): LocalDay | null {
  for (let year = from.year; year <= from.year + 2; year++) {
    const day = holidayInYear(holiday, year);
    if (day && compareDays(day, from) >= 0) return day;
  }
  return null;
}

export interface HolidaySet {
  /** One alternation of every name, longest first, for a parser's pattern (no groups of its own). */
  namePattern: string;
  /** The holiday a matched name refers to. */
  byName(text: string): Holiday | null;
}

/** The length of the shortest text a name pattern matches, roughly: optional groups and characters dropped. */
function literalLength(pattern: string): number {
  return pattern.replace(/\(\?:[^()]*\)\?/g, '').replace(/\\.|.\?|[()|?:]/g, '').length;
}

const SETS = new Map<string, HolidaySet>();

/** The holidays that apply for a `holidays` setting: a country code ("US", "GB", …) or a list of them. */
export function holidaySet(setting: string | readonly string[] = DEFAULT_HOLIDAYS): HolidaySet {
  const countries = (typeof setting === 'string' ? [setting] : [...setting]).map((c) => c.toUpperCase());
  const key = countries.join(',');
  const cached = SETS.get(key);
  if (cached) return cached;
  const all = holidayFile().holidays;
  const rank = (h: Holiday) => (h.countries ? countries.findIndex((c) => h.countries?.includes(c)) : countries.length);
  const applying = all.filter((h) => rank(h) >= 0).sort((a, b) => rank(a) - rank(b));
  const compiled = applying.map((h) => ({ holiday: h, names: new RegExp(`^(?:${h.names.join('|')})$`, 'i') }));
  // Regex alternation takes the first name that fits, so the most specific goes first: "new year's eve" before
  // "new year's", "easter monday" before "easter".
  const names = [...new Set(applying.flatMap((h) => h.names))].sort((a, b) => literalLength(b) - literalLength(a));
  const set: HolidaySet = {
    namePattern: names.join('|'),
    byName: (text) => compiled.find((c) => c.names.test(text.trim()))?.holiday ?? null,
  };
  SETS.set(key, set);
  return set;
}
