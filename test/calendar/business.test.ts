import { describe, expect, it } from 'vitest';
import {
  addBusinessDays,
  addWeekdays,
  businessDaysBetween,
  endOfLocalDay,
  isBusinessDay,
  localDay,
  startOfLocalDay,
} from '../../src/calendar/index.js';

const NY = 'America/New_York';
const TOKYO = 'Asia/Tokyo';
const LA = 'America/Los_Angeles';
const MEMORIAL_DAY = '2026-05-25';

describe('localDay: the wall-clock day in the user zone', () => {
  it.each([
    ['2026-05-14T23:30:00Z', TOKYO, '2026-05-15'], // Tokyo is already on Friday morning
    ['2026-05-14T23:30:00Z', LA, '2026-05-14'], // Los Angeles is still on Thursday afternoon
    ['2026-05-15T06:59:00Z', LA, '2026-05-14'], // 23:59 PDT
    ['2026-03-08T04:59:00Z', NY, '2026-03-07'], // 23:59 EST, the night DST starts
    ['2026-03-08T05:00:00Z', NY, '2026-03-08'],
    ['2026-11-01T04:30:00Z', NY, '2026-11-01'], // 00:30 EDT, the night DST ends
  ])('%s in %s is %s', (instant, zone, day) => {
    expect(localDay(new Date(instant), zone)).toBe(day);
  });
});

describe('endOfLocalDay / startOfLocalDay', () => {
  it.each([
    ['2026-03-07', NY, '2026-03-08T04:59:59.999Z'],
    ['2026-03-08', NY, '2026-03-09T03:59:59.999Z'], // spring forward: the day ends under EDT
    ['2026-11-01', NY, '2026-11-02T04:59:59.999Z'], // fall back: the day ends under EST
    ['2026-05-14', TOKYO, '2026-05-14T14:59:59.999Z'],
    ['2026-05-14', LA, '2026-05-15T06:59:59.999Z'],
  ])('%s in %s ends at %s', (day, zone, end) => {
    expect(endOfLocalDay(day, zone).toISOString()).toBe(end);
  });

  it.each([
    ['2026-03-08', 23],
    ['2026-11-01', 25],
    ['2026-05-14', 24],
  ])('%s in New York lasts %i hours', (day, hours) => {
    const length = endOfLocalDay(day, NY).getTime() + 1 - startOfLocalDay(day, NY).getTime();
    expect(length).toBe(hours * 3_600_000);
  });
});

describe('isBusinessDay', () => {
  it.each([
    ['2026-05-14', [], true], // Thursday
    ['2026-05-15', [], true], // Friday
    ['2026-05-16', [], false], // Saturday
    ['2026-05-17', [], false], // Sunday
    [MEMORIAL_DAY, [MEMORIAL_DAY], false], // a Monday, but a holiday
    [MEMORIAL_DAY, [], true],
  ])('%s (holidays %j) → %s', (day, holidays, expected) => {
    expect(isBusinessDay(day, holidays)).toBe(expected);
  });

  it.each(['2026-5-14', '2026-02-30', 'tomorrow'])('rejects the malformed day %s', (day) => {
    expect(() => isBusinessDay(day, [])).toThrow(RangeError);
  });
});

describe('addBusinessDays keeps the local time of day', () => {
  it.each([
    ['Thu +3 → Tue', '2026-05-14T14:00:00Z', 3, NY, [], '2026-05-19T14:00:00.000Z'],
    ['Fri +1 skips the weekend', '2026-05-15T14:00:00Z', 1, NY, [], '2026-05-18T14:00:00.000Z'],
    ['Sat +1 is Monday', '2026-05-16T14:00:00Z', 1, NY, [], '2026-05-18T14:00:00.000Z'],
    ['Fri +1 skips a holiday Mon', '2026-05-22T14:00:00Z', 1, NY, [MEMORIAL_DAY], '2026-05-26T14:00:00.000Z'],
    ['10:00 EST Fri → 10:00 EDT Mon', '2026-03-06T15:00:00Z', 1, NY, [], '2026-03-09T14:00:00.000Z'],
    ['10:00 EDT Fri → 10:00 EST Mon', '2026-10-30T14:00:00Z', 1, NY, [], '2026-11-02T15:00:00.000Z'],
    ['Tokyo Fri 08:00 (Thu in UTC)', '2026-05-14T23:00:00Z', 1, TOKYO, [], '2026-05-17T23:00:00.000Z'],
    ['LA Fri 19:00 (Sat in UTC)', '2026-05-16T02:00:00Z', 1, LA, [], '2026-05-19T02:00:00.000Z'],
    ['zero is the instant itself', '2026-05-16T02:00:00Z', 0, LA, [], '2026-05-16T02:00:00.000Z'],
    ['Mon -1 → Fri', '2026-05-18T14:00:00Z', -1, NY, [], '2026-05-15T14:00:00.000Z'],
  ])('%s', (_name, start, n, zone, holidays, expected) => {
    expect(addBusinessDays(new Date(start), n, zone, holidays).toISOString()).toBe(expected);
  });
});

describe('businessDaysBetween counts business days after a, up to and including b', () => {
  it.each([
    ['Thu → Tue', '2026-05-14T14:00:00Z', '2026-05-19T09:00:00Z', [], 3],
    ['Fri → Mon across a weekend', '2026-05-15T20:00:00Z', '2026-05-18T13:00:00Z', [], 1],
    ['Fri → Tue across a holiday', '2026-05-22T14:00:00Z', '2026-05-26T14:00:00Z', [MEMORIAL_DAY], 1],
    ['Fri → Mon across DST', '2026-03-06T15:00:00Z', '2026-03-09T14:00:00Z', [], 1],
    ['same day', '2026-05-14T13:00:00Z', '2026-05-14T21:00:00Z', [], 0],
    ['backwards is negative', '2026-05-19T14:00:00Z', '2026-05-14T14:00:00Z', [], -3],
  ])('%s', (_name, a, b, holidays, expected) => {
    expect(businessDaysBetween(new Date(a), new Date(b), NY, holidays)).toBe(expected);
  });

  it.each([NY, TOKYO, LA])('undoes addBusinessDays for 0..15 days in %s', (zone) => {
    const start = new Date('2026-10-29T22:30:00Z');
    for (let n = 0; n <= 15; n++) {
      expect(businessDaysBetween(start, addBusinessDays(start, n, zone, [MEMORIAL_DAY]), zone, [MEMORIAL_DAY])).toBe(n);
    }
  });
});

describe('addWeekdays: Monday to Friday, as a mail counts "in 3 business days"', () => {
  it.each([
    [{ year: 2008, month: 3, day: 12 }, 3, { year: 2008, month: 3, day: 17 }], // Wed + 3 = Mon
    [{ year: 2008, month: 3, day: 14 }, 1, { year: 2008, month: 3, day: 17 }], // Fri + 1 = Mon
    [{ year: 2008, month: 3, day: 15 }, 5, { year: 2008, month: 3, day: 21 }], // Sat + 5 = Fri
    [{ year: 2008, month: 3, day: 12 }, 0, { year: 2008, month: 3, day: 12 }],
  ])('%j + %i', (from, n, to) => {
    expect(addWeekdays(from, n)).toEqual(to);
  });
});
