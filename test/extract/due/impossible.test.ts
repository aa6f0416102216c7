// Days that do not exist never leave readDue: the 31st of a 30-day month is its last day, and a year past 9999
// (a Date: in year 9999 read forward) is no date at all.
import { describe, expect, it } from 'vitest';
import { readDue } from '../../../src/extract/due/read-due.js';

const CHICAGO = -360;

describe('readDue returns only real days', () => {
  it.each([
    ["I'll send you the contract by the 31st.", '2026-11-20T15:00:00Z', '2026-11-30'],
    ["I'll send it by the 30th.", '2027-01-31T15:00:00Z', '2027-02-28'], // the next 30th is February's: its last day
    ["I'll send it by the 29th.", '2028-01-31T15:00:00Z', '2028-02-29'],
    ["I'll send it by the 31st.", '2026-12-02T15:00:00Z', '2026-12-31'],
  ])('%j sent %s is due %s', (sentence, sent, day) => {
    expect(readDue(sentence, new Date(sent), CHICAGO).due?.date).toBe(day);
  });

  it('a mail sent on the last day of 9999 has no "Friday" after it', () => {
    const due = readDue("I'll send you the invoice by Friday.", new Date('9999-12-31T12:00:00Z'), 0).due;
    expect(due).toBeNull();
  });
});
