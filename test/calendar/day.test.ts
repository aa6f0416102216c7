import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  dayText,
  fridayOfWeek,
  mondayOfWeek,
  nextDayOfMonth,
  nextWeekday,
  nthWeekdayOfMonth,
  realDay,
  weekdayInWeekOf,
  weekdayOf,
} from '../../src/calendar/index.js';

describe('realDay: a stored or read day, made real or refused', () => {
  it.each([
    ['2026-11-30', '2026-11-30'],
    ['2026-11-31', '2026-11-30'],
    ['2026-02-30', '2026-02-28'],
    ['2028-02-31', '2028-02-29'],
    ['1990-01-01', '1990-01-01'],
    ['9999-12-31', '9999-12-31'],
  ])('%s → %s', (text, day) => expect(realDay(text)).toBe(day));

  it.each([
    '10000-01-03',
    '2026-13-01',
    '2026-00-10',
    '2026-11-00',
    '2026-11-32',
    '26-11-30',
    '2026-11-30T00:00',
    '',
    '0999-01-01',
  ])('%j is no day', (text) => expect(realDay(text)).toBeNull());
});

describe('one arithmetic for both forms of a day', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-11-16', 0, '2026-11-16'],
  ])('%s %+i days → %s, as text and as fields', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
    const [year, month, d] = day.split('-').map(Number) as [number, number, number];
    expect(dayText(addDays({ year, month, day: d }, n))).toBe(expected);
  });

  it('gives the weekday of either form', () => {
    expect(weekdayOf('2026-11-16')).toBe(1);
    expect(weekdayOf({ year: 2026, month: 11, day: 15 })).toBe(0);
  });

  it.each(['2026-5-14', '2026-02-30', 'tomorrow'])('refuses the text %j, which is no day', (day) => {
    expect(() => addDays(day, 1)).toThrow(RangeError);
  });

  it('pads the year to four digits and clamps a month to its length', () => {
    expect(dayText({ year: 1999, month: 1, day: 5 })).toBe('1999-01-05');
    expect(addMonths({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonths({ year: 2026, month: 11, day: 30 }, -12)).toEqual({ year: 2025, month: 11, day: 30 });
  });
});

describe('weeks run Monday to Sunday', () => {
  const SUNDAY = { year: 2026, month: 11, day: 22 };
  it('a Sunday belongs to the week before it', () => {
    expect(mondayOfWeek(SUNDAY)).toEqual({ year: 2026, month: 11, day: 16 });
    expect(fridayOfWeek(SUNDAY)).toEqual({ year: 2026, month: 11, day: 20 });
    expect(weekdayInWeekOf(SUNDAY, 0)).toEqual(SUNDAY);
  });

  it('the next weekday is strictly after the day', () => {
    expect(nextWeekday(SUNDAY, 0)).toEqual({ year: 2026, month: 11, day: 29 });
    expect(nextWeekday(SUNDAY, 1)).toEqual({ year: 2026, month: 11, day: 23 });
  });

  it('finds a weekday of a month, or none', () => {
    expect(nthWeekdayOfMonth(2026, 11, 4, 4)).toEqual({ year: 2026, month: 11, day: 26 }); // Thanksgiving
    expect(nthWeekdayOfMonth(2026, 5, 1, -1)).toEqual({ year: 2026, month: 5, day: 25 }); // Memorial Day
    expect(nthWeekdayOfMonth(2026, 2, 1, 5)).toBeNull();
    expect(nextDayOfMonth({ year: 2026, month: 1, day: 31 }, 30)).toEqual({ year: 2026, month: 3, day: 30 });
  });
});
