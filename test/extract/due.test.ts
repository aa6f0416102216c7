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
    ['May 15', '2001-05-15'],
    ['5/15', '2001-05-15'],
  ])('"%s" → %s', (text, day) => {
    expect(due(text)?.date).toBe(day);
  });

  it('keeps the phrase and the time of day when one is implied', () => {
    expect(due('I will have it to you by EOD')).toEqual({ date: '2001-05-11', at: '2001-05-11T17:00:00-07:00', text: 'EOD' });
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
  it.each(['soon', 'ASAP', 'shortly', 'a little later', 'I may send him a voicemail', 'right now', 'last week', 'yesterday', ''])(
    'no due date in "%s"',
    (text) => {
      expect(due(text)).toBeNull();
    },
  );
});

// Duckling's English corpus, read in place: reference Tue 2013-02-12 04:30 at -02:00. Duckling gives the START of
// a window where followthru wants its last business day, and reads past phrases we ignore on purpose, so only
// future, day-or-finer phrases are compared, at day granularity. Most of what remains unread are religious and
// national holidays ("diwali 2019", "orthodox easter") and clock forms mail rarely uses ("15h30"): the bar below
// guards against regressions rather than claiming parity.
const DUCKLING = sharedDir('fixtures', 'dates', 'duckling-en', 'examples.jsonl');
describe('readDue on the duckling-en corpus', () => {
  it('reads at least 40% of the future day-level phrases to the same day', () => {
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
    console.log(`duckling-en: ${right}/${cases.length} future day-level phrases read to the same day (${(100 * share).toFixed(1)}%)`);
    expect(cases.length).toBeGreaterThan(300);
    expect(share).toBeGreaterThanOrEqual(0.4);
  });
});
