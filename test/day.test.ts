import { describe, expect, it } from 'vitest';
import { realDay } from '../src/day.js';

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
