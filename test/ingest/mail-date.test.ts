import { describe, expect, it } from 'vitest';
import { isBelievableDate } from '../../src/ingest/mail-date.js';

const NOW = new Date('2026-11-16T16:00:00Z');

describe('isBelievableDate: from 1990 to a day ahead of now', () => {
  it.each(['2026-11-16T15:00:00Z', '2026-11-17T15:59:59Z', '2001-05-11T17:00:00Z', '1990-01-01T00:00:00Z'])(
    '%s is believed',
    (date) => expect(isBelievableDate(new Date(date), NOW)).toBe(true),
  );
  it.each([
    '9999-12-31T12:00:00Z',
    '2026-11-17T16:00:01Z',
    '2027-01-01T00:00:00Z',
    '1970-01-01T00:00:00Z',
    '1989-12-31T23:59:59Z',
  ])('%s is not', (date) => expect(isBelievableDate(new Date(date), NOW)).toBe(false));
});
