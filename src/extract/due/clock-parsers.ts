// Times of day chrono-node does not read ("15h30", "3:15p", "at 1030", "noonish", "around 11ish", "ten thirty am",
// "half three"), resolved to their next occurrence after the send time. A bare 1–11 is whichever of am or pm
// comes first: "at 3" written at 10:00 means 15:00 today, as people mean it.
import { addDays } from '../../calendar/index.js';
import type { DayParser, Moment, Reading } from './day-parsers.js';
import { clockWordValue } from './words.js';

const HOUR_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const MINUTE_WORD =
  '(?:(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|fifteen|ten|five|oh[- ](?:five|one|two|three|four|six|seven|eight|nine))';
const MERIDIEM = '(?:\\s*([ap])\\.?\\s?m\\b\\.?)';
const LEAD = '(?:at|around|about|approx(?:imately|\\.)?|by|until|before|after)';

/**
 * The next wall-clock `hour:minute` after `now`; with no am/pm, a 1–12 hour may be either half of the day.
 * `meridiem` is 'a', 'p', '24' (a 24-hour form: the hour as written) or none.
 */
export function nextClock(
  now: Moment,
  hour: number,
  minute: number,
  meridiem: string | null | undefined,
): Reading | null {
  if (hour > 23 || minute > 59) return null;
  const m = meridiem?.toLowerCase();
  if ((m === 'a' || m === 'p') && hour > 12) return null;
  let hours: number[];
  if (m === '24') hours = [hour];
  else if (m === 'p') hours = [hour === 12 ? 12 : hour + 12];
  else if (m === 'a') hours = [hour === 12 ? 0 : hour];
  else if (hour >= 1 && hour <= 11) hours = [hour, hour + 12];
  else hours = [hour];
  const nowMinutes = now.hour * 60 + now.minute;
  const today = hours.find((h) => h * 60 + minute > nowMinutes);
  const chosen = today ?? hours[0] ?? hour;
  return { day: today === undefined ? addDays(now.day, 1) : now.day, time: { hour: chosen, minute } };
}

const num = (s: string | undefined) => (s === undefined ? 0 : Number(s));

export const CLOCK_PARSERS: DayParser[] = [
  {
    id: 'clock-h',
    why: 'the 24-hour "15h30" form',
    pattern: () => new RegExp(`\\b(?:${LEAD}\\s+)?(\\d{1,2})h(\\d{2})\\b`, 'i'),
    read: (m, now) => nextClock(now, num(m[1]), num(m[2]), '24'),
  },
  {
    id: 'clock-short-meridiem',
    why: '"3:15p", "3:18a", "at 3p": a or p alone after a time',
    pattern: () => /\b(?:(\d{1,2}):(\d{2})\s?|at\s+(\d{1,2})\s?)([ap])\.?(?![a-z])/i,
    read: (m, now) => nextClock(now, num(m[1] ?? m[3]), num(m[2]), m[4]),
  },
  {
    id: 'clock-ish',
    why: '"noonish", "around 11ish", "3ish pm": an approximate time is still that time',
    pattern: () =>
      new RegExp(`\\b(?:${LEAD}\\s+)?(?:(noon|midday)|(\\d{1,2})(?::(\\d{2}))?)\\s?-?ish\\b${MERIDIEM}?`, 'i'),
    read: (m, now) => (m[1] ? nextClock(now, 12, 0, null) : nextClock(now, num(m[2]), num(m[3]), m[4])),
  },
  {
    id: 'clock-four-digits',
    why: '"at 1030", "around 1030": a time written without its colon',
    pattern: () => new RegExp(`\\b${LEAD}\\s+(\\d{1,2})(\\d{2})(?![\\d.\\-/:])${MERIDIEM}?`, 'i'),
    read: (m, now) => nextClock(now, num(m[1]), num(m[2]), m[3]),
  },
  {
    id: 'clock-military',
    why: '"1500 hrs", "by 0900 hours": the 24-hour clock, which chrono reads as a count of hours from now',
    // Four digits only ("200 hours" is a duration); "hours" only after a word like "at" or "by".
    pattern: () =>
      new RegExp(
        `\\b(?:${LEAD}\\s+([01]\\d|2[0-3])([0-5]\\d)\\s?(?:hrs|hours|h)|([01]\\d|2[0-3])([0-5]\\d)\\s?(?:hrs|h))\\b\\.?(?!\\s+of\\b)`,
        'i',
      ),
    read: (m, now) => nextClock(now, num(m[1] ?? m[3]), num(m[2] ?? m[4]), '24'),
  },
  {
    id: 'clock-space',
    why: '"at 3 15": hour and minutes with a space, after "at"',
    pattern: () => new RegExp(`\\bat\\s+(\\d{1,2})\\s+([0-5]\\d)(?![\\d.\\-/:])${MERIDIEM}?`, 'i'),
    read: (m, now) => nextClock(now, num(m[1]), num(m[2]), m[3]),
  },
  {
    id: 'clock-words',
    why: '"at three am", "ten thirty am", "at half past three pm", "at three twenty": a time in words, after "at" or before am/pm',
    pattern: () =>
      new RegExp(
        `\\b(?:(${LEAD})\\s+)?(?:(half|quarter)\\s+(past|to)\\s+)?(${HOUR_WORD})(?:[\\s-]+(${MINUTE_WORD}|o'?clock))?(?![\\w'-])${MERIDIEM}?`,
        'i',
      ),
    read: (m, now) => {
      const [, lead, part, direction, hourWord, minuteWord, meridiem] = m;
      const spokenAsTime =
        meridiem ||
        (lead && (minuteWord || part)) ||
        (lead && /^at$/i.test(lead)) ||
        /o'?clock/i.test(minuteWord ?? '');
      if (!spokenAsTime) return null;
      let hour = clockWordValue(hourWord ?? '') ?? 0;
      let minute =
        minuteWord && !/o'?clock/i.test(minuteWord) ? (clockWordValue(minuteWord.replace(/^oh[- ]/i, '')) ?? 0) : 0;
      if (part) {
        const quarterOrHalf = part.toLowerCase() === 'half' ? 30 : 15;
        if (direction?.toLowerCase() === 'to') [hour, minute] = [hour - 1, 60 - quarterOrHalf];
        else minute = quarterOrHalf;
      }
      return nextClock(now, hour, minute, meridiem);
    },
  },
  {
    id: 'clock-half-hour',
    why: 'the British "half three" is 3:30',
    pattern: () => new RegExp(`\\bhalf\\s+(${HOUR_WORD}|\\d{1,2})(?![\\w'-])${MERIDIEM}?`, 'i'),
    read: (m, now) => nextClock(now, clockWordValue(m[1] ?? '') ?? num(m[1]), 30, m[2]),
  },
  {
    id: 'clock-digits-spelled-meridiem',
    screen: () => /\d/,
    why: '"3 oclock am", "3 in the AM", "7 in the evening": the half of the day in words',
    pattern: () =>
      /\b(\d{1,2})(?:\s*o'?clock)?(?:\s*([ap])\.?\s?m\b\.?|\s+in\s+the\s+(a\.?m\b\.?|p\.?m\b\.?|morning|afternoon|evening))/i,
    read: (m, now) => nextClock(now, num(m[1]), 0, m[2] ?? (/^(?:a\.?m|morning)/i.test(m[3] ?? '') ? 'a' : 'p')),
  },
  {
    id: 'clock-midday',
    why: '"mid day" in two words is noon',
    pattern: () => /\bmid[- ]day\b/i,
    read: (m, now) => nextClock(now, 12, 0, null),
  },
];
