import { describe, expect, it } from 'vitest';
import { duration, progressFigures, progressLine } from '../../src/cli/progress.js';

describe('sync progress', () => {
  it.each([
    [0, '0s'],
    [42.4, '42s'],
    [65, '1m 05s'],
    [7380, '2h 03m'],
  ])('%ss reads %s', (seconds, text) => {
    expect(duration(seconds)).toBe(text);
  });

  it.each([
    ['before the first batch: no rate, no time left', 0, 10_000, 0, 'sync: 0/10000 mails'],
    [
      'the rate since the start and the time left at it',
      2_000,
      10_000,
      20_000,
      'sync: 2000/10000 mails, 100 mails/s, 1m 20s left',
    ],
    ['slow rates keep a decimal', 5, 100, 1_000, 'sync: 5/100 mails, 5.0 mails/s, 19s left'],
    ['done', 100, 100, 4_000, 'sync: 100/100 mails, 25 mails/s, 0s left'],
  ])('%s', (_, done, total, elapsed, line) => {
    expect(progressLine('sync', progressFigures(done, total, elapsed))).toBe(line);
  });
});
