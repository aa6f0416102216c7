// The chrono-node adapter: the only file that imports chrono-node. followthru's own parsers (holidays, weekday with
// a day of the month, ordinal words, clock forms) are pure functions elsewhere in due/; here they become chrono
// parsers and refiners on a clone of chrono's casual English, so chrono merges and de-overlaps all readings alike.
// The English locale alone: the package's root also loads fifteen other locales (a quarter of a second at start-up).
import type { ParsingContext } from 'chrono-node';
import * as chrono from 'chrono-node/en';
import { type LocalDay, localDayOf } from '../../calendar/index.js';
import { CLOCK_PARSERS, nextClock } from './clock-parsers.js';
import { agreeingYear, DAY_PARSERS, type DayParser, type Moment } from './day-parsers.js';
import { DEFAULT_HOLIDAYS, type HolidaySet, holidaySet } from './holidays.js';
import { weekdayValue, WEEKDAY } from './words.js';

export interface ChronoHit {
  index: number;
  text: string;
  day: LocalDay;
  time: { hour: number; minute: number } | null;
  /** The phrase named a day (date, weekday, today/tomorrow), not only a part of the day. */
  namesDay: boolean;
  /** The phrase was only a weekday name ("Friday"). */
  weekdayOnly: boolean;
  /** Which parser read it: chrono's own ("chrono") or one of followthru's (its id), for `explain`. */
  source: string;
}

const TAG = 'followthru/';

function momentOf(instant: Date, offsetMinutes: number): Moment {
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
  return { day: localDayOf(instant, offsetMinutes), hour: shifted.getUTCHours(), minute: shifted.getUTCMinutes() };
}

const momentOfContext = (context: ParsingContext) =>
  momentOf(
    context.reference.instant,
    context.reference.timezoneOffset ?? -context.reference.instant.getTimezoneOffset(),
  );

/** Matches nothing, at once: the pattern of a parser whose screen the text failed. */
const NEVER = /^(?!)/;

/** A pure day or clock parser as a chrono parser; a clock reading only implies its day, so it stays "a time". */
function chronoParser(parser: DayParser, holidays: HolidaySet, timeOnly: boolean): chrono.Parser {
  const pattern = parser.pattern(holidays);
  const screen = parser.screen?.(holidays);
  return {
    pattern: (context) => (screen && !screen.test(context.text) ? NEVER : pattern),
    extract: (context, match) => {
      // chrono retries a failed match one character on, where \b holds again inside a word ("15h30" → "5h30").
      if (/\w/.test(context.text[(match.index ?? 0) - 1] ?? '')) return null;
      const reading = parser.read(match, momentOfContext(context), holidays);
      if (!reading) return null;
      const { day, time } = reading;
      const date = { year: day.year, month: day.month, day: day.day };
      const components = context.createParsingComponents(
        time
          ? { hour: time.hour, minute: time.minute, meridiem: time.hour >= 12 ? 1 : 0, ...(timeOnly ? {} : date) }
          : date,
      );
      if (timeOnly) for (const [key, value] of Object.entries(date)) components.imply(key as chrono.Component, value);
      return components.addTag(`${TAG}${parser.id}`);
    },
  };
}

const WEEKDAY_AFTER = new RegExp(`^,?\\s*(${WEEKDAY})(?![\\w])`, 'i');
const STARTS_WITH_WEEKDAY = new RegExp(`^(${WEEKDAY})\\b|\\b(${WEEKDAY})$`, 'i');

/** Refiners run after chrono's own, in this order. */
const REFINERS: chrono.Refiner[] = [
  {
    // "Fri, Jul 18" written in 2013 means 2014, the next year in which Jul 18 is a Friday.
    refine: (_context, results) => {
      for (const result of results) {
        const start = result.start;
        const after = WEEKDAY_AFTER.exec(_context.text.slice(result.index + result.text.length));
        const named = STARTS_WITH_WEEKDAY.exec(result.text.trim()) ?? (after ? [after[0], after[1]] : null);
        if (after && !STARTS_WITH_WEEKDAY.test(result.text.trim())) result.text += after[0];
        if (!named || !start.isCertain('day') || !start.isCertain('month') || start.isCertain('year')) continue;
        const weekday = weekdayValue(named[1] ?? named[2] ?? '');
        const day = { year: start.get('year') ?? 0, month: start.get('month') ?? 0, day: start.get('day') ?? 0 };
        const agreeing = agreeingYear(day, weekday);
        if (agreeing && agreeing.year !== day.year) start.assign('year', agreeing.year);
      }
      return results;
    },
  },
  {
    // A bare "at 3" or "3:30" with no am/pm and no day is whichever of 3:00 and 15:00 comes first.
    refine: (context, results) => {
      for (const result of results) {
        const start = result.start;
        const hour = start.get('hour') ?? 0;
        if ([...start.tags()].some((t) => t.startsWith(TAG))) continue;
        if (
          !start.isCertain('hour') ||
          start.isCertain('meridiem') ||
          start.isCertain('day') ||
          start.isCertain('weekday')
        )
          continue;
        if (hour < 1 || hour > 11) continue;
        const reading = nextClock(momentOfContext(context), hour, start.get('minute') ?? 0, null);
        if (!reading?.time) continue;
        start.imply('year', reading.day.year).imply('month', reading.day.month).imply('day', reading.day.day);
        start.assign('hour', reading.time.hour);
      }
      return results;
    },
  },
];

/** "28 June in 2020": chrono stops before the year, so the year it names is added here. */
const YEAR_AFTER = /^\s*,?\s*(?:in|of)\s+(\d{4})\b/i;
REFINERS.push({
  refine: (context, results) => {
    for (const result of results) {
      const start = result.start;
      const year = YEAR_AFTER.exec(context.text.slice(result.index + result.text.length));
      if (!year?.[1] || start.isCertain('year') || !start.isCertain('month')) continue;
      start.assign('year', Number(year[1]));
      result.text += year[0];
    }
    return results;
  },
});

const INSTANCES = new Map<string, chrono.Chrono>();

function instanceFor(setting: string | readonly string[]): chrono.Chrono {
  const key = typeof setting === 'string' ? setting : setting.join(',');
  let instance = INSTANCES.get(key);
  if (!instance) {
    const holidays = holidaySet(setting);
    instance = chrono.casual.clone();
    // Ours first: of two readings of the same text, chrono keeps the one found first, and ours are the narrower.
    instance.parsers.unshift(
      ...DAY_PARSERS.map((p) => chronoParser(p, holidays, false)),
      ...CLOCK_PARSERS.map((p) => chronoParser(p, holidays, true)),
    );
    instance.refiners.push(...REFINERS);
    INSTANCES.set(key, instance);
  }
  return instance;
}

/** "last Friday", "the past week", "two days ago": read forward they would land in the future, yet name a day gone
 * ("the last Monday of March" is still to come). */
const PAST_REFERENCE = new RegExp(
  `^(?:(?:this )?(?:last|past|previous) (?:week|month|year|${WEEKDAY})(?!\\w)(?! (?:of|in)\\b)|yesterday)|\\bago\\b`,
  'i',
);

/** Every time expression found in `text`, read forward from `reference` in the sender's UTC offset. */
export function chronoHits(
  text: string,
  reference: Date,
  offsetMinutes: number,
  holidays: string | readonly string[] = DEFAULT_HOLIDAYS,
): ChronoHit[] {
  const results = instanceFor(holidays).parse(
    text,
    { instant: reference, timezone: offsetMinutes },
    { forwardDate: true },
  );
  return results
    .filter((result) => !PAST_REFERENCE.test(result.text))
    .map((result) => {
      const start = result.start;
      const namesDay =
        start.isCertain('day') ||
        start.isCertain('weekday') ||
        start.isCertain('month') ||
        /today|tomorrow/i.test(result.text);
      return {
        index: result.index,
        text: result.text,
        day: localDayOf(start.date(), offsetMinutes),
        time: start.isCertain('hour') ? { hour: start.get('hour') ?? 0, minute: start.get('minute') ?? 0 } : null,
        namesDay,
        weekdayOnly: start.isCertain('weekday') && !start.isCertain('day'),
        source: [...start.tags()].find((t) => t.startsWith(TAG))?.slice(TAG.length) ?? 'chrono',
      };
    });
}
