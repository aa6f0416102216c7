import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDue } from '../../src/extract/due/read-due.js';
import { sharedDir } from '../support/shared.js';

// Sent Friday 2001-05-11 10:00 in -07:00 (Houston in May): the guideline's reference case.
const FRIDAY = new Date('2001-05-11T10:00:00-07:00');
const due = (text: string, sent = FRIDAY, offset = -420) => readDue(text, sent, offset).due;

describe('readDue: business phrases and chrono, windows to their last business day', () => {
  it.each([
    ['I will send it today', '2001-05-11'],
    ['by EOD', '2001-05-11'],
    ['before COB', '2001-05-11'],
    ['tonight', '2001-05-11'],
    ['this afternoon', '2001-05-11'],
    ['tomorrow', '2001-05-12'],
    ['first thing tomorrow', '2001-05-12'],
    ["I'll call you after lunch", '2001-05-11'],
    ["When he gets out we'll give you a call", '2001-05-11'],
    ['by Friday', '2001-05-18'], // sent on a Friday: the next one
    ['on Monday', '2001-05-14'],
    ['Tues', '2001-05-15'],
    ['by Thurs', '2001-05-17'],
    ['this week', '2001-05-11'],
    ['by the end of the week', '2001-05-11'],
    ['EOW', '2001-05-11'],
    ['next week', '2001-05-18'],
    ['early next week', '2001-05-15'],
    ['mid next week', '2001-05-17'],
    ['late next week', '2001-05-18'],
    ['EOM', '2001-05-31'],
    ['by the end of the month', '2001-05-31'],
    ['next month', '2001-06-29'],
    ['by the 15th', '2001-05-15'],
    ['by the 3rd', '2001-06-03'],
    ['in two weeks', '2001-05-25'],
    ['within a week', '2001-05-18'],
    ['within the next 3 days', '2001-05-14'],
    ['within the next month', '2001-06-11'],
    // A weekend is a window: its last day, Sunday.
    ['I plan to do a build this weekend', '2001-05-13'],
    ['will call over the weekend', '2001-05-13'],
    ['May 15', '2001-05-15'],
    ['5/15', '2001-05-15'],
    // "now", "right away", "immediately": the send day, and weaker than any phrase that names a day.
    ["I'll send it now", '2001-05-11'],
    ['right now', '2001-05-11'],
    ["I'll do it right away", '2001-05-11'],
    ['will forward immediately', '2001-05-11'],
    ["I'm swamped now but will send it Monday", '2001-05-14'],
  ])('"%s" → %s', (text, day) => {
    expect(due(text)?.date).toBe(day);
  });

  it('keeps the phrase and the time of day when one is implied', () => {
    expect(due('I will have it to you by EOD')).toEqual({
      date: '2001-05-11',
      at: '2001-05-11T17:00:00-07:00',
      text: 'EOD',
    });
  });

  it("reads the day in the sender's zone, not UTC", () => {
    // 23:30 on Thursday in Los Angeles is already Friday in UTC.
    const lateThursday = new Date('2001-05-11T06:30:00Z');
    expect(due('today', lateThursday, -420)?.date).toBe('2001-05-10');
    expect(due('today', lateThursday, 0)?.date).toBe('2001-05-11');
  });

  it('prefers a phrase that names a day over a part of a day', () => {
    expect(due('I will begin e-mailing each morning starting tomorrow')?.date).toBe('2001-05-12');
  });
});

describe('readDue: negative cases', () => {
  it.each([
    'soon',
    'ASAP',
    'shortly',
    'a little later',
    'I may send him a voicemail',
    'last week',
    'yesterday',
    '',
    'that is all for now',
    'from now on I will cc you',
    'I have it by now',
    'I will be the first to admit it',
    "my boss's desk",
    'I will call at 650.650.6500',
    'it costs 15.2 dollars',
    'upgrade to version 2.3.26',
    'whatever they bring in may be fine',
  ])('no due date in "%s"', (text) => {
    expect(due(text)).toBeNull();
  });
});

// Office mail, sent Wednesday 2008-03-12 at -08:00: the day before a named day, the week's parts, typed forms.
describe('readDue: before a named day, parts of the week and year, business days, typed forms of tomorrow', () => {
  const wednesday = (hour: string) => new Date(`2008-03-12T${hour}:00-08:00`);
  it.each([
    ['I will send it before Monday', '09:10', '2008-03-16'],
    ['I will have it ready prior to the 20th', '09:10', '2008-03-19'],
    ["I'll get it to you prior to Christmas", '09:10', '2008-12-24'],
    ['I will send it before 5 today', '09:10', '2008-03-12'],
    ['I will send it before the 20th', '09:10', '2008-03-19'],
    ['I will send it before Tues', '09:10', '2008-03-17'],
    ['I will send it by Monday', '09:10', '2008-03-17'],
    ["I'll get it done today and the rest of the week", '09:10', '2008-03-14'],
    ["I'll send it by week's end", '09:10', '2008-03-14'],
    ['I will get back to you by the first of the week', '09:10', '2008-03-17'],
    ["I'll send it tommorrow", '09:10', '2008-03-13'],
    ["I'll send it tomorow", '09:10', '2008-03-13'],
    ['I will send it in the am', '21:10', '2008-03-13'],
    ['I will send it in the am', '07:10', '2008-03-12'],
    ["I'll finish it later in the week", '09:10', '2008-03-14'],
    ["I'll send it today or tomorrow", '09:10', '2008-03-13'],
    ["I'll send it later today or tomorrow", '09:10', '2008-03-13'],
    ["I'll have it to you before the weekend", '09:10', '2008-03-14'],
    ['I will finish it before the weekend is over', '09:10', '2008-03-16'],
    ["I'll send it by mid-month", '09:10', '2008-03-15'],
    ["I'll send it by mid-April", '09:10', '2008-04-15'],
    ["I'll send it by mid-March", '09:10', '2008-03-15'],
    ['I will send it tmrw', '09:10', '2008-03-13'],
    ['I will send it 2moro', '09:10', '2008-03-13'],
    ['I will send it before lunch', '09:10', '2008-03-12'],
    ["I'll call after lunch tomorrow", '09:10', '2008-03-13'],
    ["I'll call after the meeting on Friday", '09:10', '2008-03-14'],
    ['I will send it at the start of next week', '09:10', '2008-03-17'],
    ['I will send it by the beginning of the week', '09:10', '2008-03-17'],
    ['I will send it next weekend', '09:10', '2008-03-23'],
    ['I will send it in 3 business days', '09:10', '2008-03-17'],
    ['I will send it within five working days', '09:10', '2008-03-19'],
    ['I will send it the next business day', '09:10', '2008-03-13'],
    ['I will send it by the end of the year', '09:10', '2008-12-31'],
    ['I will send it by year-end', '09:10', '2008-12-31'],
    ['I will send it the week of the 24th', '09:10', '2008-03-28'],
    ['I will send it during the week of March 24', '09:10', '2008-03-28'],
    ['I will send it the week of March 10', '09:10', '2008-03-14'],
    ['I will send it the first week of April', '09:10', '2008-04-04'],
    ['I will send it the second week of April', '09:10', '2008-04-11'],
    ['I will send it the last week of April', '09:10', '2008-04-30'],
    ["I'll send the report that was due last Friday by tomorrow", '09:10', '2008-03-13'],
    ['I saw him last Monday and will call him tomorrow', '09:10', '2008-03-13'],
    ["I'll forward the April 1 schedule today", '09:10', '2008-03-12'],
    ['We will send the invitations for the May 15 event next week', '09:10', '2008-03-21'],
    ['I will send the letter dated March 3 tomorrow', '09:10', '2008-03-13'],
    ["I'll send the April 1 schedule by the Friday deadline", '09:10', '2008-03-14'],
    ['I will send it the week of the 7th', '09:10', '2008-04-11'],
    ['I will send it at 0800 hours tomorrow', '09:10', '2008-03-13'],
    ['I will send it this p.m.', '09:10', '2008-03-12'],
    ['I will send it first thing in the a.m.', '09:10', '2008-03-13'],
    ['I will send it in advance of the Monday meeting', '09:10', '2008-03-16'],
    ['I will send it a fortnight today', '09:10', '2008-03-26'],
    ['I will send it tomorrow week', '09:10', '2008-03-20'],
    ['I will send it within the fortnight', '09:10', '2008-03-26'],
    ['I will send it this day next week', '09:10', '2008-03-19'],
    ['I will send it next week Tuesday', '09:10', '2008-03-18'],
    ['I will send it by the end of the working week', '09:10', '2008-03-14'],
    ['I will send it by the middle of the month', '09:10', '2008-03-15'],
    ['I will send it later in the day', '09:10', '2008-03-12'],
    ['I will send it by C.O.B.', '09:10', '2008-03-12'],
    ['I will send it by close of biz', '09:10', '2008-03-12'],
    ['I will send it by end of bus. today', '09:10', '2008-03-12'],
    ['I will send it by e.o.d.', '09:10', '2008-03-12'],
    ['I will send it 2nite', '09:10', '2008-03-12'],
    ['I will send it this aft', '09:10', '2008-03-12'],
    ['I will send it tomm', '09:10', '2008-03-13'],
    ['I will send it this wk', '09:10', '2008-03-14'],
    ['I will send it next wk', '09:10', '2008-03-21'],
    ["I will send it by month's end", '09:10', '2008-03-31'],
    ['I will send it by the first of the month', '09:10', '2008-04-01'],
    ['I will send it at the beginning of next month', '09:10', '2008-04-01'],
    ['I will send it by 3-14', '09:10', '2008-03-14'],
    ['I will send it on 3-17 at noon', '09:10', '2008-03-17'],
    ['I will send it by 3-14-08', '09:10', '2008-03-14'],
    ['I will send it on or before March 20', '09:10', '2008-03-20'],
    ["I will send it by day's end", '09:10', '2008-03-12'],
    ['I will send it by the close of the day', '09:10', '2008-03-12'],
    ['I will send it before I go home', '09:10', '2008-03-12'],
    ['I will send it first thing', '09:10', '2008-03-13'],
    ['I will call first thing and send it', '09:10', '2008-03-13'],
  ])('"%s" sent at %s is due %s', (text, hour, day) => {
    expect(due(text, wednesday(hour), -480)?.date).toBe(day);
  });
  it('reads the 24-hour clock ("by 1500 hrs") as that time of the send day', () => {
    expect(due('I will send it by 1500 hrs', wednesday('09:10'), -480)?.at).toBe('2008-03-12T15:00:00-08:00');
  });
  it.each(['I will send the report that was due last Friday.', 'I will resend what I sent two days ago.'])(
    'a day gone sets no date: "%s"',
    (text) => {
      expect(due(text, wednesday('09:10'), -480)).toBeNull();
    },
  );
  it('"the first thing I will do" names no time', () => {
    expect(due('The first thing I will do is call him.', wednesday('09:10'), -480)).toBeNull();
  });
  it.each(['I will do it on 3-4 occasions.', 'I will call them about the 3-2 vote.'])(
    'a dashed pair that counts or scores sets no date: "%s"',
    (text) => {
      expect(due(text, wednesday('09:10'), -480)).toBeNull();
    },
  );
  it.each(["I'm sending you some photos of the Mother's Day flower arrangement.", 'I will mail the Christmas cards.'])(
    'a holiday that names a thing sets no date: "%s"',
    (text) => {
      expect(due(text, wednesday('09:10'), -480)).toBeNull();
    },
  );
});

// Dates as people write them (issue 11, item 5), sent Tuesday 2013-02-12 04:30 at -02:00.
const TUESDAY = new Date('2013-02-12T04:30:00-02:00');
describe('readDue: holidays, weekday with a day of the month, ordinal words, clock forms, combinations', () => {
  it.each([
    ['before Christmas', '2013-12-24'],
    ['the week after Thanksgiving', '2013-12-06'],
    ['5 days before New Year', '2013-12-27'],
    ['three days after Easter', '2013-04-03'],
    ['by Good Friday', '2013-03-29'],
    ['Labor Day', '2013-09-02'],
    ["St Patrick's Day", '2013-03-17'],
    ['easter mon', '2013-04-01'],
    ["new year's eve", '2013-12-31'],
    ['xmas at 6 pm', '2013-12-25'],
    ['third tuesday after christmas 2014', '2015-01-13'],
    ['Monday the 27th', '2013-05-27'],
    ['Mon 13th', '2013-05-13'],
    ['Friday 23', '2013-08-23'],
    ['Thu 15th', '2013-08-15'],
    ['Fri, Jul 18', '2014-07-18'],
    ['Jul 18, Fri', '2014-07-18'],
    ['Jul 18', '2013-07-18'],
    ['Pongal 2018', '2018-01-14'],
    ['the twenty-seventh', '2013-02-27'],
    ['on the first', '2013-03-01'],
    ['february the 15th', '2013-02-15'],
    ['28 June in 2020', '2020-06-28'],
    ['June 28th in 2020', '2020-06-28'],
    ['15.2.', '2013-02-15'],
    ['3.15.13', '2013-03-15'],
    ['1.5.2013', '2013-05-01'],
    ['15/3/2013', '2013-03-15'],
    ['2013/03/15', '2013-03-15'],
    ['friday after next', '2013-02-22'],
    ['tuesday of this week', '2013-02-12'],
    ['20th of the next month', '2013-03-20'],
    ['last Monday of March', '2013-03-25'],
    ['first tuesday of october', '2013-10-01'],
    ['the 5th last day of May', '2013-05-27'],
    ['3 fridays from now', '2013-03-01'],
    ['a fortnight hence', '2013-02-26'],
    ['3 years from today', '2016-02-12'],
    ['in 3 days on Friday', '2013-02-15'],
    ['Monday two weeks from now', '2013-02-25'],
    ['two weeks from Monday', '2013-03-04'],
    ['day after tomorrow 5pm', '2013-02-14'],
    ['the Monday after Easter', '2013-04-01'],
    ['COB tomorrow', '2013-02-13'],
    ['by end of day Thursday', '2013-02-14'],
    ['on Mon 18th.', '2013-02-18'],
    ['on Weds', '2013-02-13'],
    ['Monday week', '2013-02-25'],
    ['a week on Friday', '2013-02-22'],
    ['this time next week', '2013-02-19'],
    ['the week after next', '2013-03-01'],
    ['by the end of the week after next', '2013-03-01'],
    ['in a day or two', '2013-02-14'],
    ['in 2 or 3 weeks', '2013-03-05'],
    ['in 2 wks', '2013-02-26'],
    ['by month-end', '2013-02-28'],
    ['by the end of the quarter', '2013-03-29'],
    ['sometime in April', '2013-04-30'],
    ['in January', '2014-01-31'],
    ['after the weekend', '2013-02-18'],
    ['by mid-week', '2013-02-13'],
    ['Thursday or Friday', '2013-02-15'],
    ['Friday or Monday at the latest', '2013-02-18'],
    ['by the end of June', '2013-06-28'],
    ['by the end of Q3', '2013-09-30'],
    ['in the first quarter', '2013-03-29'],
  ])('"%s" → %s', (text, day) => {
    expect(due(text, TUESDAY, -120)?.date).toBe(day);
  });

  it.each([
    ['noonish', '2013-02-12T12:00:00-02:00'],
    ['around 11ish', '2013-02-12T11:00:00-02:00'],
    ['3ish pm', '2013-02-12T15:00:00-02:00'],
    ['15h30', '2013-02-12T15:30:00-02:00'],
    ['3h18', '2013-02-13T03:18:00-02:00'], // a 24-hour form: 03:18 has passed
    ['3 oclock am', '2013-02-13T03:00:00-02:00'],
    ['3 in the AM', '2013-02-13T03:00:00-02:00'],
    ["3 o'clock in the afternoon", '2013-02-12T15:00:00-02:00'], // "afternoon" starts with an a, yet is pm
    ['7 in the morning', '2013-02-12T07:00:00-02:00'],
    ['Friday at 3pm', '2013-02-15T15:00:00-02:00'],
    ['at 3p', '2013-02-12T15:00:00-02:00'],
    ['3:18a', '2013-02-13T03:18:00-02:00'],
    ['at 1030', '2013-02-12T10:30:00-02:00'],
    ['at 3 15', '2013-02-12T15:15:00-02:00'],
    ['ten thirty am', '2013-02-12T10:30:00-02:00'],
    ['at half past three pm', '2013-02-12T15:30:00-02:00'],
    ['half three', '2013-02-12T15:30:00-02:00'],
    ['I will call at 3', '2013-02-12T15:00:00-02:00'], // 03:00 has passed, 15:00 has not
  ])('"%s" → %s', (text, at) => {
    expect(due(text, TUESDAY, -120)?.at).toBe(at);
  });

  it('reads the holidays of the configured country', () => {
    expect(readDue('Thanksgiving', TUESDAY, -120, 'US').due?.date).toBe('2013-11-28');
    expect(readDue('Thanksgiving', TUESDAY, -120, 'CA').due?.date).toBe('2013-10-14');
    expect(readDue('by Labour Day', TUESDAY, -120, 'GB').due?.date).toBe('2013-05-01');
    expect(readDue('boxing day', TUESDAY, -120, 'US').due).toBeNull();
    expect(readDue('boxing day', TUESDAY, -120, ['US', 'GB']).due?.date).toBe('2013-12-26');
  });
});

describe('readDue: the duckling-en negatives (strings that are not times) stay unread', () => {
  const negatives = (
    JSON.parse(readFileSync(sharedDir('fixtures', 'dates', 'duckling-en', 'negatives.json'), 'utf8')) as {
      negatives: string[];
    }
  ).negatives;
  it.each(negatives)('"%s"', (text) => {
    expect(due(text, TUESDAY, -120)).toBeNull();
  });
});

// Duckling's English corpus, read in place: reference Tue 2013-02-12 04:30 at -02:00. Duckling gives the START of
// a window where followthru wants its last business day, and reads past phrases we ignore on purpose, so only
// future, day-or-finer phrases are compared, at day granularity. Most of what remains unread are religious and
// national holidays ("diwali 2019", "orthodox easter") and clock forms mail rarely uses ("15h30"): the bar below
// guards against regressions rather than claiming parity.
const DUCKLING = sharedDir('fixtures', 'dates', 'duckling-en', 'examples.jsonl');
describe('readDue on the duckling-en corpus', () => {
  // Before the custom parsers and holidays: 208/489 (42.5%); with them 404/489 (82.6%). What stays unread is
  // mostly Hindu, Sikh and Buddhist lunisolar holidays (a panchang computation we do not have) and Duckling's
  // own odd readings ("this morning at 3" as tomorrow, "a year from Christmas" as this Christmas).
  it('reads at least 80% of the future day-level phrases to the same day', () => {
    const reference = new Date('2013-02-12T04:30:00-02:00');
    const rows = readFileSync(DUCKLING, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { grain: string; phrases: string[]; value?: string });
    const cases = rows
      .filter((r) => ['Day', 'Hour', 'Minute'].includes(r.grain) && r.value && r.value.slice(0, 10) >= '2013-02-12')
      .flatMap((r) => r.phrases.map((p) => ({ phrase: p, day: (r.value ?? '').slice(0, 10) })));
    const right = cases.filter((c) => readDue(c.phrase, reference, -120).due?.date === c.day).length;
    const share = right / cases.length;
    console.log(
      `duckling-en: ${right}/${cases.length} future day-level phrases read to the same day (${(100 * share).toFixed(1)}%)`,
    );
    expect(cases.length).toBeGreaterThan(300);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
});
