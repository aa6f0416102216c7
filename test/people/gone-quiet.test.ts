import { describe, expect, it } from 'vitest';
import { goneQuiet, type PersonStats, usualGap } from '../../src/people/gone-quiet.js';

const now = new Date('2026-12-02T08:00:00Z');
const o = { now, minExchanges: 3, floorDays: 14 };
function person(address: string, sentDays: string[], receivedDays: string[] = []): PersonStats {
  const days = [...new Set([...sentDays, ...receivedDays])].sort();
  return {
    address,
    name: address,
    sentDays,
    days,
    last: { subject: 's', at: `${days.at(-1)}T10:00:00Z`, messageId: 'm', threadId: 't' },
  };
}

describe('usual gap', () => {
  it('is the median gap between the days the user wrote', () => {
    expect(usualGap(['2026-01-01', '2026-01-08', '2026-01-15', '2026-02-15'])).toBe(7);
    expect(usualGap(['2026-01-01', '2026-01-03', '2026-01-10', '2026-01-20'])).toBe(7);
    expect(usualGap(['2026-01-01'])).toBeNull();
  });
});

describe('gone quiet', () => {
  it('weekly for months, silent five weeks: gone quiet; silent ten days: not yet', () => {
    const weekly = ['2026-09-01', '2026-09-08', '2026-09-15', '2026-09-22', '2026-10-01'];
    const quiet = goneQuiet([person('a@x.example', weekly), person('b@x.example', [...weekly, '2026-11-22'])], o);
    expect(quiet.map((q) => q.person.address)).toEqual(['a@x.example']);
    expect(quiet[0]).toMatchObject({ usualGapDays: 7, exchanges: 5, silentDays: 62 });
  });
  it('the gap is doubled, and never under the floor', () => {
    const monthly = ['2026-05-01', '2026-06-01', '2026-07-01', '2026-08-01'];
    // usual gap about 31 days: 62 days of silence needed; 2026-08-01 → 2026-12-02 is 123.
    expect(goneQuiet([person('m@x.example', monthly)], o)).toHaveLength(1);
    expect(goneQuiet([person('m@x.example', [...monthly, '2026-10-15'])], o)).toHaveLength(0);
    // Daily mail, ten days of silence: more than twice the gap, but under the 14-day floor.
    expect(goneQuiet([person('d@x.example', ['2026-11-20', '2026-11-21', '2026-11-22'])], o)).toHaveLength(0);
    expect(goneQuiet([person('d@x.example', ['2026-11-10', '2026-11-11', '2026-11-12'])], o)).toHaveLength(1);
  });
  it('needs enough exchanges within the year, and the user writing more than once', () => {
    expect(goneQuiet([person('a@x.example', ['2026-01-01', '2026-02-01'])], o)).toEqual([]);
    expect(goneQuiet([person('a@x.example', ['2026-01-01'], ['2026-02-01', '2026-03-01', '2026-04-01'])], o)).toEqual(
      [],
    );
    expect(goneQuiet([person('a@x.example', ['2024-01-01', '2024-02-01', '2024-03-01'])], o)).toEqual([]);
  });
  it('a reply from them resets it', () => {
    const weekly = ['2026-09-01', '2026-09-08', '2026-09-15'];
    expect(goneQuiet([person('a@x.example', weekly, ['2026-11-30'])], o)).toEqual([]);
  });
  it('longest silent first, then the most frequent', () => {
    const q = goneQuiet(
      [
        person('short@x.example', ['2026-08-01', '2026-08-08', '2026-08-15']),
        person('long@x.example', ['2026-06-01', '2026-06-08', '2026-06-15']),
        person('often@x.example', ['2026-08-01', '2026-08-04', '2026-08-08', '2026-08-11', '2026-08-15']),
      ],
      o,
    );
    expect(q.map((x) => x.person.address)).toEqual(['long@x.example', 'often@x.example', 'short@x.example']);
  });
});
