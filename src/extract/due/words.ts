// Number, ordinal, weekday and month words the due-date parsers read, with the patterns that match them.

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const ORDINAL_UNITS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

const ORDINAL_WORDS = new Map<string, number>();
ORDINAL_UNITS.forEach((word, n) => word && ORDINAL_WORDS.set(word, n));
for (let n = 1; n <= 9; n++) ORDINAL_WORDS.set(`twenty ${ORDINAL_UNITS[n]}`, 20 + n);
ORDINAL_WORDS.set('thirtieth', 30).set('thirty first', 31);

/** "1st", "23rd", "27th", "first", "twenty-seventh", "twenty seventh" (no groups). */
export const ORDINAL = `(?:\\d{1,2}(?:st|nd|rd|th)|${[...ORDINAL_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(' ', '[- ]'))
  .join('|')})`;

/** "3", "a", "an", "one" … "twenty" (no groups). */
export const COUNT = `(?:\\d{1,3}|an?|${UNITS.slice(1)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/** "before Monday", "prior to Christmas", "ahead of the 20th": due the day before. */
export const BEFORE_WORDS = '(?:before|prior to|ahead of|in advance of)';

export const WEEKDAY =
  '(?:monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)\\.?';

export const MONTH =
  '(?:january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\\.?';

export function ordinalValue(text: string): number | null {
  const t = text.toLowerCase().replace('-', ' ').trim();
  const digits = /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(t);
  if (digits) return Number(digits[1]);
  return ORDINAL_WORDS.get(t) ?? null;
}

export function countValue(text: string): number | null {
  const t = text.toLowerCase().trim();
  if (/^\d+$/.test(t)) return Number(t);
  if (t === 'a' || t === 'an') return 1;
  const n = UNITS.indexOf(t);
  return n > 0 ? n : null;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayValue(text: string): number {
  return ['su', 'mo', 'tu', 'we', 'th', 'fr', 'sa'].indexOf(text.toLowerCase().slice(0, 2));
}

/** 1 … 12. */
export function monthValue(text: string): number {
  const t = text.toLowerCase().slice(0, 3);
  return ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(t) + 1;
}

/** Clock words: "three" → 3, "twenty" → 20, "forty-five" → 45. */
export function clockWordValue(text: string): number | null {
  const t = text.toLowerCase().replace('-', ' ').trim();
  const tens: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50 };
  const [a, b] = t.split(' ');
  if (a && a in tens) return (tens[a] ?? 0) + (b ? Math.max(UNITS.indexOf(b), 0) : 0);
  const n = UNITS.indexOf(t);
  return n >= 0 ? n : null;
}
