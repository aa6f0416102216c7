// A calendar day as data: 'YYYY-MM-DD'. Every day that comes in (read from a mail, a reply, the store) passes
// realDay first, so no stage downstream ever meets a day that does not exist: one such day once stopped every
// digest for good ("not a YYYY-MM-DD day: 2026-11-31").

export interface CalendarDay {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

/** Years a day may have: four digits, as 'YYYY-MM-DD' and the ISO instants built from it need. */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;
const DAY_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The day itself when it exists; the month's last day for a day past it ("the 31st" of November is the 30th);
 * null for what is no day at all: month 13, day 0, a year outside 1000–9999.
 */
export function clampDay(day: CalendarDay): CalendarDay | null {
  const { year, month } = day;
  if (![year, month, day.day].every(Number.isInteger)) return null;
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day.day < 1 || day.day > 31) return null;
  return { year, month, day: Math.min(day.day, daysInMonth(year, month)) };
}

export function dayText(day: CalendarDay): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(day.year, 4)}-${pad(day.month)}-${pad(day.day)}`;
}

/** 'YYYY-MM-DD' made real (see clampDay), or null when the text is not a day. */
export function realDay(text: string): string | null {
  const match = DAY_TEXT.exec(text);
  if (!match) return null;
  const day = clampDay({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  return day ? dayText(day) : null;
}
