// Time phrases business mail uses that chrono-node does not read, or reads as the start of a window.
// A window resolves to its LAST business day: a promise for "next week" is only broken once that week is over.
import {
  addDays,
  addMonths,
  addWeekdays,
  clampDay,
  compareDays,
  fridayOfWeek,
  isWeekend,
  type LocalDay,
  lastBusinessDayOfMonth,
  mondayOfWeek,
  nextDayOfMonth,
  nextWeekday,
  nthWeekdayOfMonth,
  weekdayInWeekOf,
  weekdayOf,
} from '../../calendar/index.js';
import { COUNT, countValue, MONTH, monthValue, WEEKDAY, weekdayValue } from './words.js';

export interface PhraseHit {
  day: LocalDay;
  /** Wall-clock time the phrase implies, when it implies one (EOD = 17:00). */
  time: { hour: number; minute: number } | null;
}

export interface BusinessPhrase {
  id: string;
  why: string;
  pattern: RegExp;
  resolve(match: RegExpExecArray, sent: LocalDay): PhraseHit | null;
  /** Names the send day only by implication ("now"): any phrase that names a day wins over it. */
  weak?: boolean;
}

const at = (day: LocalDay, hour: number | null = null, minute = 0): PhraseHit => ({
  day,
  time: hour === null ? null : { hour, minute },
});

const nextMonday = (sent: LocalDay) => nextWeekday(sent, 1);

/** The last business day of `month`: in `year` when one is named, else the coming one (this year's while it lasts). */
const monthEnd = (sent: LocalDay, month: number, year?: string) =>
  at(
    lastBusinessDayOfMonth({
      year: year ? Number(year) : month < sent.month ? sent.year + 1 : sent.year,
      month,
      day: 1,
    }),
  );

/** A day said on its own: today (or a part of it), tomorrow, or a weekday. */
const SAME_DAY = [
  'later today',
  'sometime today',
  'this morning',
  'this afternoon',
  'this evening',
  'today',
  'tonight',
  'tonite',
];
const ONE_DAY = `(?:${SAME_DAY.join('|')}|tomorrow|${WEEKDAY})`;
function oneDay(text: string, sent: LocalDay): LocalDay | null {
  const t = text.toLowerCase();
  if (t === 'tomorrow') return addDays(sent, 1);
  if (SAME_DAY.includes(t)) return sent;
  const weekday = weekdayValue(t);
  return weekday >= 0 ? nextWeekday(sent, weekday) : null;
}

/** Days in the units a duration names. */
const DAYS_IN: Record<string, number> = { day: 1, week: 7, fortnight: 14 };

/** First to fourth, as quarters and weeks of a month are counted. */
const FIRST_TO_FOURTH: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
};

export const BUSINESS_PHRASES: BusinessPhrase[] = [
  {
    id: 'right-away',
    why: '"now", "right away", "immediately" promise the send day; "for now", "until now", "from now on" do not',
    pattern:
      /\b(?:right away|straight away|immediately|at once|at this time|(?<!\b(?:for|until|till|by|to|of|as|just|from|up|than) )(?:right )?now(?! (?:that|on|and then|or never)\b)(?![\w'-]))/i,
    resolve: (_m, sent) => at(sent),
    weak: true,
  },
  {
    id: 'end-of-day',
    why: 'EOD, COB, "C.O.B." and "end of (the) day" mean the close of the send day, unless a day is named ("COB tomorrow")',
    pattern:
      /\b(?:(?:eod|cob|eob|close of (?:the )?(?:business|biz|play|day)|end of (?:the )?(?:business )?day|day['’]s end)\b|(?:c\.o\.b|e\.o\.d)\b\.?|end of bus\.)/i,
    resolve: (_m, sent) => at(sent, 17),
    weak: true,
  },
  {
    id: 'tonight',
    why: 'tonight ("tonite", "2nite") and this evening are the send day',
    pattern: /\b(?:tonight|tonite|2nite|2night|this evening)\b/i,
    resolve: (_m, sent) => at(sent, 20),
  },
  {
    id: 'later-today',
    why: 'this afternoon ("this aft"), later today, this am/pm are the send day',
    pattern:
      /\b(?:this (?:afternoon|aft|morning|a\.?m\b\.?|p\.?m\b\.?)|later (?:on )?today|later in the day|sometime today|today)(?![\w'’-])/i,
    resolve: (_m, sent) => at(sent),
  },
  {
    id: 'after-a-short-absence',
    why: '"after lunch", "before lunch", "after the meeting", "when he gets out" (of a meeting or call), "before I go home": the send day',
    pattern:
      /\b(?:after (?:lunch(?:time)?|(?:the|this|my|our) (?:meeting|call))|(?:before|by) lunch(?:time)?|when (?:he|she|they|we|i) (?:gets?|come|comes) out|before (?:i|we) (?:go|head|leave) (?:home|for the day))\b/i,
    resolve: (_m, sent) => at(sent),
    // "after lunch tomorrow", "after the meeting on Tuesday": the named day is the due day.
    weak: true,
  },
  {
    id: 'first-thing-tomorrow',
    why: '"first thing tomorrow", and "first thing" alone, is tomorrow morning ("the first thing I will do" is no time)',
    pattern: new RegExp(
      `\\bfirst thing (?:tomorrow|in the (?:morning|a\\.?m\\b\\.?))|(?<!\\b(?:the|a|one|only|last|next) )\\bfirst thing(?! (?:on|this|next|${WEEKDAY}|i|we|you|he|she|they|to|that|is|was)\\b)(?=\\s*(?:$|[.,;:!?)]|and\\b|or\\b|so\\b))`,
      'i',
    ),
    resolve: (_m, sent) => at(addDays(sent, 1), 9),
  },
  {
    id: 'end-of-week',
    why: 'EOW, "this week", "end of (the) week", "week\'s end" and "(today and) the rest of the week" resolve to Friday of the send week',
    pattern:
      /\b(?:eow|(?:by |before )?(?:the )?end of (?:the |this )?(?:working |work |business )?week(?! after next)|this (?:week|wk)|later (?:in )?(?:this|the) week|week['’]?s end|(?:(?:today|tomorrow),? and )?(?:the )?rest of (?:the |this )?week)\b/i,
    resolve: (_m, sent) => {
      const friday = fridayOfWeek(sent);
      // Sent on a weekend, "this week" can only mean the coming one.
      return at(isWeekend(sent) ? fridayOfWeek(nextMonday(sent)) : friday);
    },
  },
  {
    id: 'first-of-the-week',
    why: '"by the first of the week", "the start of next week", "the beginning of the week" is the coming Monday',
    pattern: /\b(?:the )?(?:first|start|beginning) of (?:the |next )week\b/i,
    resolve: (_m, sent) => at(nextMonday(sent)),
  },
  {
    id: 'part-of-next-week',
    why: 'early/mid/late next week resolve to the last day of that part: Tuesday, Thursday, Friday',
    pattern: /\b(early|mid|middle of|late|end of|the end of) next week\b/i,
    resolve: (m, sent) => {
      const monday = nextMonday(sent);
      const part = (m[1] ?? '').toLowerCase();
      const offset = part === 'early' ? 1 : part.startsWith('mid') ? 3 : 4;
      return at(addDays(monday, offset));
    },
  },
  {
    id: 'within-a-duration',
    why: '"within a week", "within 3 days", "within the next month" are a duration, like "in a week": the send day plus that much',
    pattern: new RegExp(
      `\\bwithin (?:the (?:next|coming) |the (?=fortnight))?(?:(${COUNT}) )?(day|week|fortnight|month)s?\\b`,
      'i',
    ),
    resolve: (m, sent) => {
      const n = m[1] ? (countValue(m[1]) ?? 1) : 1;
      const unit = (m[2] ?? '').toLowerCase();
      return at(unit === 'month' ? addMonths(sent, n) : addDays(sent, n * (DAYS_IN[unit] ?? 1)));
    },
  },
  {
    id: 'this-weekend',
    why: '"this weekend", "over the weekend" are a window: its last day, the coming Sunday (the send day, sent on a Sunday)',
    pattern: /(?<!\bafter )\b(?:this|the|over the|during the|on the|by the|this coming|over this) ?week-?end\b/i,
    resolve: (_m, sent) => at(weekdayOf(sent) === 0 ? sent : nextWeekday(sent, 0)),
  },
  {
    id: 'next-weekend',
    why: '"next weekend" is the weekend after the coming one (the coming one, sent on a Sunday): its Sunday',
    pattern: /\bnext week-?end\b/i,
    resolve: (_m, sent) => at(weekdayOf(sent) === 0 ? nextWeekday(sent, 0) : addDays(nextWeekday(sent, 0), 7)),
  },
  {
    id: 'after-the-weekend',
    why: '"after the weekend" is the Monday after it',
    pattern: /\bafter the week-?end\b/i,
    resolve: (_m, sent) => at(nextMonday(sent)),
  },
  {
    id: 'mid-week',
    why: '"by mid-week", "the middle of the week": the Wednesday of the send week, or the next one once it has passed',
    pattern: /\b(?:mid-?week|(?:the )?middle of (?:the |this )week)\b/i,
    resolve: (_m, sent) => at(nextWeekday(addDays(sent, -1), 3)),
  },
  {
    id: 'one-day-or-another',
    why: '"Tuesday or Wednesday", "today or tomorrow" are a window: the later of the two',
    pattern: new RegExp(`\\b(${ONE_DAY}),? or (${ONE_DAY})(?![\\w-])`, 'i'),
    resolve: (m, sent) => {
      const [a, b] = [m[1], m[2]].map((name) => oneDay(name ?? '', sent));
      return a && b ? at(compareDays(a, b) >= 0 ? a : b) : null;
    },
  },
  {
    id: 'before-the-weekend',
    why: '"before the weekend" is the Friday before it ("before the weekend is over" is its Sunday)',
    pattern: /\bbefore the week-?end\b(?! is over| ends| is out)/i,
    resolve: (_m, sent) => at(isWeekend(sent) ? sent : fridayOfWeek(sent)),
  },
  {
    id: 'mid-month',
    why: '"by mid-month", "mid-April", "the middle of the month": the 15th of that month (the coming one)',
    pattern: new RegExp(`\\b(?:mid-?|(?:the )?middle of (?:the |this )?)(?:(month)|(${MONTH}))(?![\\w-])`, 'i'),
    resolve: (m, sent) => {
      const month = m[2] ? monthValue(m[2]) : sent.month + (sent.day > 15 ? 1 : 0);
      const passed = month < sent.month || (month === sent.month && sent.day > 15);
      const year = passed || month > 12 ? sent.year + 1 : sent.year;
      return at({ year, month: ((month - 1) % 12) + 1, day: 15 });
    },
  },
  {
    id: 'next-week-on-a-day',
    why: '"next week Tuesday", "next week, on Thursday": that weekday of the following week',
    pattern: new RegExp(`\\bnext week,? (?:on )?(${WEEKDAY})(?![\\w-])`, 'i'),
    resolve: (m, sent) => at(weekdayInWeekOf(nextMonday(sent), weekdayValue(m[1] ?? ''))),
  },
  {
    id: 'next-week',
    why: '"next week" and "the following week" resolve to Friday of the following week',
    pattern: /\b(?:next (?:week|wk)|the following week)\b/i,
    resolve: (_m, sent) => at(fridayOfWeek(nextMonday(sent))),
  },
  {
    id: 'end-of-month',
    why: 'EOM, "this month" and "end of (the) month" resolve to the last business day of the send month',
    pattern:
      /\b(?:eom|(?:the )?end of (?:the |this )?month|this month|later this month|month[- ]end|month['’]?s end)\b/i,
    resolve: (_m, sent) => at(lastBusinessDayOfMonth(sent)),
  },
  {
    id: 'first-of-the-month',
    why: '"by the first of the month", "the beginning of next month": the first day of the coming month',
    pattern: /\b(?:the )?(?:first|1st|start|beginning) of (?:the|next) month\b/i,
    resolve: (_m, sent) => at(addMonths({ ...sent, day: 1 }, 1)),
  },
  {
    id: 'next-month',
    why: '"next month" resolves to the last business day of the following month',
    pattern: /\b(?:next month|end of next month)\b/i,
    resolve: (_m, sent) => at(lastBusinessDayOfMonth(addDays({ ...sent, day: 1 }, 32))),
  },
  {
    id: 'end-of-a-month',
    why: '"by the end of June" is a window: the last business day of that month (the coming one)',
    pattern: new RegExp(`\\b(?:the )?end of (${MONTH})(?:,? (\\d{4}))?(?![\\w-])`, 'i'),
    resolve: (m, sent) => monthEnd(sent, monthValue(m[1] ?? ''), m[2]),
  },
  {
    id: 'a-named-quarter',
    why: '"by the end of Q3", "in the third quarter": the last business day of that quarter (the coming one)',
    pattern: /\b(?:Q([1-4])|the (first|second|third|fourth|1st|2nd|3rd|4th) quarter)(?:,? (\d{4}))?(?![\w-])/i,
    resolve: (m, sent) => monthEnd(sent, 3 * Number(m[1] ?? FIRST_TO_FOURTH[(m[2] ?? '').toLowerCase()] ?? 4), m[3]),
  },
  {
    id: 'end-of-quarter',
    why: 'EOQ, "this quarter" and "end of (the) quarter" resolve to the last business day of the send quarter',
    pattern: /\b(?:eoq|(?:the )?end of (?:the |this )?quarter|this quarter|quarter[- ]end)\b/i,
    resolve: (_m, sent) => at(lastBusinessDayOfMonth({ ...sent, month: 3 * Math.ceil(sent.month / 3), day: 1 })),
  },
  {
    id: 'week-of',
    why: '"the week of the 25th", "the week of March 25" are a window: the Friday of the week holding that day',
    pattern: new RegExp(
      `\\bweek of (?:the (\\d{1,2})(?:st|nd|rd|th)?|(${MONTH}) (\\d{1,2})(?:st|nd|rd|th)?)(?![\\w-])`,
      'i',
    ),
    resolve: (m, sent) => {
      if (!m[2]) {
        const day = nextDayOfMonth(mondayOfWeek(sent), Number(m[1]));
        return day ? at(fridayOfWeek(day)) : null;
      }
      const named = clampDay({ year: sent.year, month: monthValue(m[2]), day: Number(m[3]) });
      if (!named) return null;
      const friday = fridayOfWeek(named);
      return at(compareDays(friday, sent) >= 0 ? friday : fridayOfWeek({ ...named, year: named.year + 1 }));
    },
  },
  {
    id: 'week-of-a-month',
    why: '"the first week of April", "the last week of March": that week\'s Friday, or the month\'s last business day',
    pattern: new RegExp(`\\b(first|second|third|fourth|1st|2nd|3rd|4th|last) week of (${MONTH})(?![\\w-])`, 'i'),
    resolve: (m, sent) => {
      const month = monthValue(m[2] ?? '');
      const year = month < sent.month ? sent.year + 1 : sent.year;
      const nth = FIRST_TO_FOURTH[(m[1] ?? '').toLowerCase()];
      const day = nth ? nthWeekdayOfMonth(year, month, 5, nth) : lastBusinessDayOfMonth({ year, month, day: 1 });
      return day ? at(day) : null;
    },
  },
  {
    id: 'end-of-year',
    why: 'EOY, "this year", "year end" and "end of (the) year" resolve to the last business day of the send year',
    pattern: /\b(?:eoy|(?:the )?end of (?:the |this )?year|this year(?!['’]s)|later this year|year[- ]end)\b/i,
    resolve: (_m, sent) => at(lastBusinessDayOfMonth({ year: sent.year, month: 12, day: 1 })),
  },
  {
    id: 'in-business-days',
    why: '"in 3 business days", "within five working days", "the next business day": counted Monday to Friday',
    pattern: new RegExp(
      `\\b(?:(?:in|within) (?:the next )?(${COUNT}) (?:business|working|work) days?|next (?:business|working) day)\\b`,
      'i',
    ),
    resolve: (m, sent) => at(addWeekdays(sent, m[1] ? (countValue(m[1]) ?? 1) : 1)),
  },
  {
    id: 'week-after-next',
    why: '"the week after next" is a window: Friday of the week after the next one',
    pattern: /\b(?:the )?week after next\b/i,
    resolve: (_m, sent) => at(fridayOfWeek(addDays(nextMonday(sent), 7))),
  },
  {
    id: 'a-week-on',
    why: '"Monday week", "a week Friday", "tomorrow week", "a fortnight today" (British): a week or two after that day',
    pattern: new RegExp(
      `\\b(?:(${WEEKDAY}|today|tomorrow) (week|fortnight)|a (week|fortnight) (?:on |from )?(${WEEKDAY}|today|tomorrow))(?![\\w-])`,
      'i',
    ),
    resolve: (m, sent) => {
      const day = oneDay(m[1] ?? m[4] ?? '', sent);
      return day ? at(addDays(day, DAYS_IN[(m[2] ?? m[3] ?? '').toLowerCase()] ?? 7)) : null;
    },
  },
  {
    id: 'this-time-next-week',
    why: '"this time next week", "this day next week" is the same weekday a week on',
    pattern: /\b(?:this|the same) (?:time|day) next week\b/i,
    resolve: (_m, sent) => at(addDays(sent, 7)),
  },
  {
    id: 'a-few-or-more',
    why: '"in a day or two", "within 2 or 3 weeks": a range of durations resolves to its end',
    pattern: new RegExp(
      `\\b(?:a|one|the next|${COUNT}) (?:(day|week)s? or (${COUNT})|or (${COUNT}) (day|week)s?)(?![\\w-])`,
      'i',
    ),
    resolve: (m, sent) => {
      const n = countValue(m[2] ?? m[3] ?? '') ?? 1;
      return at(addDays(sent, (m[1] ?? m[4] ?? '').toLowerCase() === 'week' ? 7 * n : n));
    },
  },
  {
    id: 'in-weeks-abbreviated',
    why: '"in 2 wks": an abbreviation chrono does not read',
    pattern: new RegExp(`\\bin (${COUNT}) wks?\\b`, 'i'),
    resolve: (m, sent) => at(addDays(sent, 7 * (countValue(m[1] ?? '') ?? 1))),
  },
  {
    id: 'in-a-month',
    why: '"in April", "sometime in June" are a window: the last business day of that month (the coming one)',
    // Lower-case "may" and "march" are verbs ("in may be"), so those two count only capitalised.
    pattern: new RegExp(
      `\\b(?:sometime |later |some time |early |mid-?|late )?(?:in|during) (${MONTH})(?! \\d)(?![\\w-])`,
      'i',
    ),
    resolve: (m, sent) => {
      const name = (m[1] ?? '').replace('.', '');
      if (/^(?:may|march|mar)$/.test(name)) return null;
      return monthEnd(sent, monthValue(name));
    },
  },
  {
    id: 'by-the-nth',
    why: '"by the 15th" is the next 15th on or after the send day',
    pattern: /\b(?:by|on|before|until) the (\d{1,2})(?:st|nd|rd|th)\b/i,
    resolve: (m, sent) => {
      const n = Number(m[1]);
      if (n < 1 || n > 31) return null;
      let day: LocalDay = { ...sent, day: n };
      if (n < sent.day) day = { ...addDays({ ...sent, day: 1 }, 32), day: n };
      return at(day);
    },
  },
  {
    id: 'short-weekday',
    why: 'Tues/Thurs and similar abbreviations chrono misses: the next such day after the send day',
    pattern: /\b(?:(?:by|on|before|until|next) )?(tues|thur|thurs|weds)\b\.?/i,
    resolve: (m, sent) => at(nextWeekday(sent, weekdayValue(m[1] ?? ''))),
  },
];
