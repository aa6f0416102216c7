// Day phrases chrono-node does not read, as pure parsers over the sender's local "now". chrono.ts wraps each
// into a chrono parser, so chrono's own refiners merge them with times ("Christmas at 6 pm") and drop overlaps.
import {
  addDays,
  addMonths,
  compareDays,
  daysInMonth,
  fridayOfWeek,
  type LocalDay,
  nextDayOfMonth,
  nextWeekday,
  nthWeekdayOfMonth,
  weekdayInWeekOf,
  weekdayOf,
} from '../../calendar/index.js';
import { type HolidaySet, holidayInYear, nextHoliday } from './holidays.js';
import {
  BEFORE_WORDS,
  COUNT,
  countValue,
  MONTH,
  monthValue,
  ORDINAL,
  ordinalValue,
  WEEKDAY,
  weekdayValue,
} from './words.js';

export interface Clock {
  hour: number;
  minute: number;
}

/** The reference instant as the sender's wall clock. */
export interface Moment extends Clock {
  day: LocalDay;
}

export interface Reading {
  day: LocalDay;
  time?: Clock | null;
}

export interface DayParser {
  id: string;
  why: string;
  pattern(holidays: HolidaySet): RegExp;
  /** A cheaper test a text must pass before `pattern` is tried: most sentences name no holiday at all. */
  screen?(holidays: HolidaySet): RegExp;
  read(match: RegExpMatchArray, now: Moment, holidays: HolidaySet): Reading | null;
}

const UNIT = '(day|week|fortnight|month|year)s?';

/** `n` units after (or, negative, before) a day. */
export function shiftBy(day: LocalDay, n: number, unit: string): LocalDay {
  const u = unit.toLowerCase();
  if (u.startsWith('day')) return addDays(day, n);
  if (u.startsWith('week')) return addDays(day, 7 * n);
  if (u.startsWith('fortnight')) return addDays(day, 14 * n);
  if (u.startsWith('month')) return addMonths(day, n);
  return addMonths(day, 12 * n);
}

/** The next day in `month` (on or after `from`) that a reader of that month finds: this year's or next year's. */
function inMonth(
  from: LocalDay,
  month: number,
  year: number | null,
  pick: (y: number) => LocalDay | null,
): LocalDay | null {
  if (year !== null) return pick(year);
  const thisYear = pick(from.year);
  return thisYear && compareDays(thisYear, from) >= 0 ? thisYear : pick(from.year + 1);
}

const yearOf = (text: string | undefined) => (text ? Number(text) : null);
/** A written year, "08" read as 2008. */
const fullYear = (text: string | undefined) => (text ? Number(text) + (text.length === 2 ? 2000 : 0) : null);

const IS_BEFORE = new RegExp(`^${BEFORE_WORDS}$`, 'i');

/** Nouns a holiday's name describes rather than dates. */
const HOLIDAY_THINGS =
  'flowers?|arrangements?|bouquets?|part(?:y|ies)|cards?|gifts?|presents?|trees?|dinners?|lunch(?:eon)?s?|brunch|' +
  'decorations?|lights|shopping|sales?|specials?|editions?|issues?|messages?|letters?|bonus(?:es)?|concerts?|' +
  'parades?|programs?|services?|pageants?|celebrations?|events?|receptions?|picnics?|photos?|pictures?|plans?';

export const DAY_PARSERS: DayParser[] = [
  {
    id: 'holiday',
    why: 'named holidays and offsets from them: "before Christmas" (or "prior to"), "the week after Thanksgiving", "the Monday after Easter"',
    screen: (h) => new RegExp(`\\b(?:${h.namePattern})`, 'i'),
    pattern: (h) =>
      new RegExp(
        `\\b(?:(?:(${COUNT})\\s+${UNIT}|the\\s+(day|week)|(?:(${ORDINAL})|the)\\s+(${WEEKDAY}))\\s+(before|after|from)\\s+|(before|after|prior to|ahead of)\\s+)?` +
          `(?:(next|this|last)\\s+)?(${h.namePattern})(?:\\s+(?:of\\s+|in\\s+)?(\\d{4}|this year|next year))?(?![\\w'])` +
          // "the Mother's Day flower arrangement", "a Christmas card": the holiday names a thing, not a time.
          `(?!\\s+(?:${HOLIDAY_THINGS})\\b)`,
        'i',
      ),
    read: (m, now, h) => {
      const [, count, unit, theUnit, ordinal, weekday, relation, bare, which, name, yearText] = m;
      const holiday = name ? h.byName(name) : null;
      if (!holiday) return null;
      let anchor: LocalDay | null;
      const year =
        yearText === undefined
          ? null
          : /this/i.test(yearText)
            ? now.day.year
            : /next/i.test(yearText)
              ? now.day.year + 1
              : Number(yearText);
      if (year !== null) anchor = holidayInYear(holiday, year);
      else if (which?.toLowerCase() === 'last') anchor = holidayInYear(holiday, now.day.year - 1);
      else anchor = nextHoliday(holiday, now.day);
      if (!anchor) return null;
      const sign = IS_BEFORE.test(relation ?? bare ?? '') ? -1 : 1;
      if (bare) return { day: addDays(anchor, sign) };
      if (theUnit)
        return {
          day: theUnit.toLowerCase() === 'day' ? addDays(anchor, sign) : fridayOfWeek(addDays(anchor, 7 * sign)),
        };
      if (count && unit) return { day: shiftBy(anchor, sign * (countValue(count) ?? 1), unit) };
      if (weekday) {
        // "the Monday after Thanksgiving" is the first one.
        const n = ordinal ? (ordinalValue(ordinal) ?? 1) : 1;
        const wd = weekdayValue(weekday);
        if (sign > 0) return { day: addDays(nextWeekday(anchor, wd), 7 * (n - 1)) };
        const ahead = nextWeekday(addDays(anchor, -8), wd);
        return { day: addDays(ahead, -7 * (n - 1)) };
      }
      return { day: anchor };
    },
  },
  {
    id: 'weekday-and-day-of-month',
    why: '"Monday the 27th", "Mon 13th", "Friday 23": the next date where the weekday and the day of the month agree',
    pattern: () =>
      new RegExp(
        `\\b(${WEEKDAY}),?\\s+(?:the\\s+)?(${ORDINAL}|\\d{1,2})(?![\\w:/-]|\\.\\w|\\s*(?:${MONTH}|of\\b|[ap]\\.?m\\b|o'?clock|h\\d))`,
        'i',
      ),
    read: (m, now) => {
      const dom = ordinalValue(m[2] ?? '');
      if (!dom || dom > 31) return null;
      const day = nextDayOfMonth(now.day, dom, weekdayValue(m[1] ?? ''));
      return day ? { day } : null;
    },
  },
  {
    id: 'month-the-nth',
    why: '"February the 15th", "October fifth": the next such day',
    pattern: () => new RegExp(`\\b(${MONTH})\\s+(?:the\\s+)?(${ORDINAL})(?:,?\\s+(?:in\\s+)?(\\d{4}))?\\b`, 'i'),
    read: (m, now) => {
      const dom = ordinalValue(m[2] ?? '');
      const month = monthValue(m[1] ?? '');
      if (!dom) return null;
      const day = inMonth(now.day, month, yearOf(m[3]), (y) =>
        dom <= daysInMonth(y, month) ? { year: y, month, day: dom } : null,
      );
      return day ? { day } : null;
    },
  },
  {
    id: 'weekday-after-next',
    why: '"Friday after next" is a week after the coming Friday',
    pattern: () => new RegExp(`\\b(${WEEKDAY})\\s+after\\s+next\\b`, 'i'),
    read: (m, now) => ({ day: addDays(nextWeekday(now.day, weekdayValue(m[1] ?? '')), 7) }),
  },
  {
    id: 'weekday-of-this-week',
    why: '"Tuesday of this week" is that day in the send week, even if it is today',
    pattern: () => new RegExp(`\\b(${WEEKDAY})\\s+(?:of\\s+)?this\\s+week\\b`, 'i'),
    read: (m, now) => ({ day: weekdayInWeekOf(now.day, weekdayValue(m[1] ?? '')) }),
  },
  {
    id: 'nth-of-relative-month',
    screen: () => /month/i,
    why: '"the 20th of next month", "20 of this month", "20th day of the current month"',
    pattern: () =>
      new RegExp(
        `\\b(?:the\\s+)?(${ORDINAL}|\\d{1,2})(?:\\s+day)?\\s+of\\s+(?:the\\s+)?(next|this|current|following)\\s+month\\b`,
        'i',
      ),
    read: (m, now) => {
      const dom = ordinalValue(m[1] ?? '');
      const month = /next|following/i.test(m[2] ?? '') ? addMonths({ ...now.day, day: 1 }, 1) : { ...now.day, day: 1 };
      if (!dom || dom > daysInMonth(month.year, month.month)) return null;
      return { day: { ...month, day: dom } };
    },
  },
  {
    id: 'nth-weekday-of-month',
    why: '"the first Tuesday of October", "last Friday in October", "third Tuesday of September 2014"',
    pattern: () =>
      new RegExp(
        `\\b(?:the\\s+)?(${ORDINAL}|last)\\s+(${WEEKDAY})\\s+(?:of|in)\\s+(${MONTH})(?:,?\\s+(?:in\\s+)?(\\d{4}))?\\b`,
        'i',
      ),
    read: (m, now) => {
      const n = /last/i.test(m[1] ?? '') ? -1 : ordinalValue(m[1] ?? '');
      if (!n || n > 5) return null;
      const month = monthValue(m[3] ?? '');
      const day = inMonth(now.day, month, yearOf(m[4]), (y) =>
        nthWeekdayOfMonth(y, month, weekdayValue(m[2] ?? ''), n),
      );
      return day ? { day } : null;
    },
  },
  {
    id: 'nth-day-of-month',
    why: '"the third day of October", "the fifth last day of May", "last day in October 2015"',
    pattern: () =>
      new RegExp(
        `\\b(?:the\\s+)?(?:(${ORDINAL})\\s+(last\\s+)?|(last)\\s+)day\\s+(?:of|in)\\s+(${MONTH})(?:,?\\s+(?:in\\s+)?(\\d{4}))?\\b`,
        'i',
      ),
    read: (m, now) => {
      const n = m[3] ? 1 : ordinalValue(m[1] ?? '');
      const fromEnd = Boolean(m[2] ?? m[3]);
      const month = monthValue(m[4] ?? '');
      if (!n) return null;
      const pick = (y: number) => {
        const length = daysInMonth(y, month);
        const dom = fromEnd ? length - n + 1 : n;
        return dom >= 1 && dom <= length ? { year: y, month, day: dom } : null;
      };
      const day = inMonth(now.day, month, yearOf(m[5]), pick);
      return day ? { day } : null;
    },
  },
  {
    id: 'nth-weekday-from-now',
    why: '"3 Fridays from now" is the third Friday after today',
    pattern: () => new RegExp(`\\b(${COUNT})\\s+(${WEEKDAY.replace('\\.?', '')})s\\s+from\\s+(?:now|today)\\b`, 'i'),
    read: (m, now) => {
      const n = countValue(m[1] ?? '') ?? 1;
      return { day: addDays(nextWeekday(now.day, weekdayValue(m[2] ?? '')), 7 * (n - 1)) };
    },
  },
  {
    id: 'duration-from-today',
    screen: () => /today|hence|fortnight/i,
    why: '"3 years from today", "a fortnight hence", "in a fortnight": chrono reads only some of these',
    pattern: () =>
      new RegExp(`\\b(?:in\\s+(${COUNT})\\s+fortnights?|(${COUNT})\\s+${UNIT}\\s+(?:from\\s+today|hence))\\b`, 'i'),
    read: (m, now) =>
      m[1]
        ? { day: addDays(now.day, 14 * (countValue(m[1]) ?? 1)) }
        : { day: shiftBy(now.day, countValue(m[2] ?? '') ?? 1, m[3] ?? 'day') },
  },
  {
    id: 'weekday-with-duration',
    screen: () => /\b(?:from|after|on)\b/i,
    why:
      '"Monday two weeks from now", "in 3 days on Friday": that weekday in the week the duration reaches; ' +
      '"two weeks from Monday": the duration after the coming Monday',
    pattern: () =>
      new RegExp(
        `\\b(?:(?:on\\s+)?(${WEEKDAY})\\s+(${COUNT})\\s+${UNIT}\\s+from\\s+(?:now|today)|in\\s+(${COUNT})\\s+${UNIT}\\s+on\\s+(${WEEKDAY})|` +
          `(${COUNT})\\s+${UNIT}\\s+(?:from|after)\\s+(?:next\\s+)?(${WEEKDAY}))(?![\\w])`,
        'i',
      ),
    read: (m, now) => {
      const [, wdA, nA, uA, nB, uB, wdB, nC, uC, wdC] = m;
      if (wdA || wdB) {
        const reached = shiftBy(now.day, countValue((nA ?? nB) as string) ?? 1, (uA ?? uB) as string);
        return { day: weekdayInWeekOf(reached, weekdayValue((wdA ?? wdB) as string)) };
      }
      const start = nextWeekday(now.day, weekdayValue(wdC ?? ''));
      return { day: shiftBy(start, countValue(nC ?? '') ?? 1, uC ?? 'day') };
    },
  },
  {
    id: 'numeric-dotted',
    why:
      '"15.2.", "15.03.2013", "3.15.13": a dotted date is day.month unless the month would pass 12; ' +
      'without a year it needs its closing dot ("15.2" is a number)',
    screen: () => /\d\.\d/,
    pattern: () => /(?<![\d.]|\bv(?:ersion)?\s?)\b(\d{1,2})\.(\d{1,2})\.(?:(\d{4}|\d{2})(?![\d.])|(?!\d))/,
    read: (m, now) => {
      let [a, b] = [Number(m[1]), Number(m[2])];
      if (b > 12 && a <= 12) [a, b] = [b, a];
      if (b < 1 || b > 12 || a < 1) return null;
      const year = fullYear(m[3]);
      const day = inMonth(now.day, b, year, (y) => (a <= daysInMonth(y, b) ? { year: y, month: b, day: a } : null));
      return day ? { day } : null;
    },
  },
  {
    id: 'numeric-dashed',
    why: '"by 3-14", "on 3-14-08": a dashed month-day after a word that leads a date; "on 3-4 occasions" or "by 3-5 days" is no date',
    screen: () => /\d-\d/,
    pattern: () =>
      /\b(?:by|on|before|until|till|due)\s+(\d{1,2})-(\d{1,2})(?:-(\d{4}|\d{2}))?(?=\s*(?:$|[.,;:!?)(]|at\b|by\b|and\b|or\b|to\b|for\b|if\b|so\b|when\b))/i,
    read: (m, now) => {
      const [month, dom] = [Number(m[1]), Number(m[2])];
      if (month < 1 || month > 12 || dom < 1) return null;
      const year = fullYear(m[3]);
      const day = inMonth(now.day, month, year, (y) =>
        dom <= daysInMonth(y, month) ? { year: y, month, day: dom } : null,
      );
      return day ? { day } : null;
    },
  },
  {
    id: 'tomorrow-misspelt',
    why: '"tomorow", "tommorrow", "2morrow", "2moro", "tmrw", "tmw", "tomm": tomorrow as people type it (and as OCR reads it: "tornorrow", "tomorrovv")',
    pattern: () =>
      /\b(?!tomorrow\b)(?:tom{1,2}or{1,3}ow|tornor{1,3}ow|tom{1,2}or{1,3}ovv|tomm|2mor{1,2}ow|2moro|tmrw|tmw|tmrow)\b/i,
    read: (_m, now) => ({ day: addDays(now.day, 1) }),
  },
  {
    id: 'in-the-am',
    why: '"in the am" is the next morning: the send day when sent before noon, else the day after',
    pattern: () => /\bin the (?:am|a\.m\.)(?![\w])/i,
    read: (_m, now) => ({ day: now.hour < 12 ? now.day : addDays(now.day, 1) }),
  },
  {
    id: 'day-after-tomorrow',
    why: '"the day after tomorrow" and the missing-apostrophe "tomorrows"',
    pattern: () => /\b(?:(?:the\s+)?day\s+after\s+(tomorrow)|(tomorrows))\b/i,
    read: (m, now) => ({ day: addDays(now.day, m[1] ? 2 : 1) }),
  },
  {
    id: 'bare-nth',
    why: '"on the first", "the 27th", "the twenty-seventh": the next such day of a month (said alone, not "the first draft")',
    pattern: () =>
      new RegExp(
        `\\b(?:(?:on|by|before|until|for)\\s+)?the\\s+(${ORDINAL})(?=\\s*(?:$|[.,;:!?)]|at\\b|by\\b|and\\b|or\\b))`,
        'i',
      ),
    read: (m, now) => {
      const dom = ordinalValue(m[1] ?? '');
      if (!dom || dom > 31) return null;
      const day = nextDayOfMonth(now.day, dom);
      return day ? { day } : null;
    },
  },
];

/** The weekday a phrase names agrees with its date; if not, the next year in which it does ("Fri, Jul 18"). */
export function agreeingYear(day: LocalDay, weekday: number): LocalDay | null {
  for (let year = day.year; year < day.year + 12; year++) {
    const candidate = { ...day, year };
    if (candidate.day <= daysInMonth(year, day.month) && weekdayOf(candidate) === weekday) return candidate;
  }
  return null;
}
