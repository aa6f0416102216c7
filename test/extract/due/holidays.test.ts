import { describe, expect, it } from 'vitest';
import { dayText, nthWeekdayOfMonth } from '../../../src/calendar/index.js';
import {
  easterSunday,
  holidayFile,
  holidayInYear,
  holidaySet,
  nextHoliday,
  orthodoxEasterSunday,
} from '../../../src/extract/due/holidays.js';
import { readDue } from '../../../src/extract/due/read-due.js';

const byId = (id: string) => {
  const holiday = holidayFile().holidays.find((h) => h.id === id);
  if (!holiday) throw new Error(`no holiday ${id}`);
  return holiday;
};
const on = (id: string, year: number) => {
  const day = holidayInYear(byId(id), year);
  return day ? dayText(day) : null;
};

describe('easter by the computus', () => {
  it.each([
    [1818, '1818-03-22'], // the earliest possible
    [1943, '1943-04-25'], // the latest possible
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2013, '2013-03-31'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
  ])('Gregorian %i → %s', (year, day) => {
    expect(dayText(easterSunday(year))).toBe(day);
  });

  it.each([
    [2013, '2013-05-05'],
    [2018, '2018-04-08'],
    [2020, '2020-04-19'],
    [2021, '2021-05-02'],
    [2024, '2024-05-05'],
  ])('Orthodox %i → %s', (year, day) => {
    expect(dayText(orthodoxEasterSunday(year))).toBe(day);
  });
});

describe('nth weekday of a month', () => {
  it('finds the first, the fourth and the last, and no fifth Monday in February 2013', () => {
    expect(dayText(nthWeekdayOfMonth(2013, 9, 1, 1) ?? { year: 0, month: 0, day: 0 })).toBe('2013-09-02');
    expect(dayText(nthWeekdayOfMonth(2013, 11, 4, 4) ?? { year: 0, month: 0, day: 0 })).toBe('2013-11-28');
    expect(dayText(nthWeekdayOfMonth(2013, 5, 1, -1) ?? { year: 0, month: 0, day: 0 })).toBe('2013-05-27');
    expect(nthWeekdayOfMonth(2013, 2, 1, 5)).toBeNull();
  });
});

describe('holidays from rules/holidays.json', () => {
  it.each([
    ['thanksgiving-us', 2013, '2013-11-28'],
    ['black-friday', 2017, '2017-11-24'],
    ['mlk-day', 2014, '2014-01-20'],
    ['memorial-day', 2013, '2013-05-27'],
    ['boss-day', 2016, '2016-10-17'], // Oct 16 a Sunday: observed Monday
    ['boss-day', 2021, '2021-10-15'], // a Saturday: observed Friday
    ['koningsdag', 2014, '2014-04-26'], // Apr 27 a Sunday: the day before
    ['good-friday', 2013, '2013-03-29'],
    ['shrove-tuesday', 2013, '2013-02-12'],
    ['clean-monday', 2018, '2018-02-19'],
    ['victoria-day', 2013, '2013-05-20'], // the Monday before May 25
    ['chinese-new-year', 2014, '2014-01-31'],
    ['yom-kippur', 2018, '2018-09-18'], // the eve: it begins at sundown
    ['purim', 2013, '2013-02-23'],
    ['tisha-bav', 2018, '2018-07-21'], // 9 Av on a Sabbath: the fast moves to Sunday
    ['yom-haatzmaut', 2018, '2018-04-18'], // 5 Iyar on a Friday: moved to Thursday
    ['eid-al-fitr', 2018, '2018-06-15'],
    ['eid-al-adha', 2018, '2018-08-21'],
    ['jamat-ul-vida', 2018, '2018-06-08'], // the last Friday of Ramadan
    ['makar-sankranti', 2018, '2018-01-14'], // the sun enters sidereal Capricorn at 13:45 IST
    ['makar-sankranti', 2019, '2019-01-15'], // at 19:56 IST, after sunset: the next day
    ['bhogi', 2018, '2018-01-13'],
    ['vaisakhi', 2018, '2018-04-14'],
    ['rabindra-jayanti', 2019, '2019-05-09'], // 25 Boishakh
    ['parsi-new-year', 2022, '2022-08-16'], // a year of 365 days drifts a day every four years
  ])('%s in %i → %s', (id, year, day) => {
    expect(on(id, year)).toBe(day);
  });

  it('gives the next occurrence on or after a day, the day itself included', () => {
    const day = nextHoliday(byId('shrove-tuesday'), { year: 2013, month: 2, day: 12 });
    expect(day && dayText(day)).toBe('2013-02-12');
    const christmas = nextHoliday(byId('christmas'), { year: 2013, month: 12, day: 26 });
    expect(christmas && dayText(christmas)).toBe('2014-12-25');
  });

  it('has unique ids, a rule of a known kind for each, and names without capturing groups', () => {
    const { holidays } = holidayFile();
    expect(new Set(holidays.map((h) => h.id)).size).toBe(holidays.length);
    for (const h of holidays) {
      expect(holidayInYear(h, 2020), h.id).not.toBeNull();
      for (const name of h.names) expect(new RegExp(`${name}|`).exec('')?.length, `${h.id}: ${name}`).toBe(1);
    }
  });

  it('prefers the configured country over the names everyone shares', () => {
    expect(holidaySet('US').byName('labor day')?.id).toBe('labor-day-us');
    expect(holidaySet('GB').byName('labour day')?.id).toBe('labour-day-international');
    expect(holidaySet('US').byName('boxing day')).toBeNull();
  });

  // The file's examples are test cases, like every rule file's: a new phrase kind comes with its examples.
  it.each(holidayFile().examples)('example "$text" sent $sent ($holidays) → $due', (example) => {
    const sent = new Date(`${example.sent}T10:00:00Z`);
    expect(readDue(example.text, sent, 0, example.holidays ?? 'US').due?.date ?? null).toBe(example.due);
  });
});
