import { describe, expect, it } from 'vitest';
import { isoAt, isoInOffset, localDayOf, offsetOfZone, sameTimeOn, zonedInstant } from '../../src/calendar/index.js';

const NY = 'America/New_York';

describe('offsetOfZone: minutes east of UTC at an instant', () => {
  it.each([
    ['2026-07-01T12:00:00Z', NY, -240],
    ['2026-12-01T12:00:00Z', NY, -300],
    ['2026-07-01T12:00:00Z', 'Asia/Tokyo', 540],
    ['2026-07-01T12:00:00Z', 'Asia/Kolkata', 330],
    ['2026-07-01T12:00:00Z', 'Asia/Kathmandu', 345],
    ['2026-07-01T12:00:00Z', 'UTC', 0],
    ['2026-03-08T06:59:59Z', NY, -300], // 01:59:59 EST, the second before the jump
    ['2026-03-08T07:00:00Z', NY, -240],
  ])('%s in %s: %i', (instant, zone, offset) => {
    expect(offsetOfZone(new Date(instant), zone)).toBe(offset);
  });
});

describe('zonedInstant: a wall-clock time on a day, in a zone', () => {
  it.each([
    ['08:00 on a winter day', '2026-11-23', 8, 0, '2026-11-23T13:00:00.000Z'],
    ['08:00 on a summer day', '2026-07-06', 8, 0, '2026-07-06T12:00:00.000Z'],
    ['02:30 skipped by spring forward → 03:30 EDT', '2026-03-08', 2, 30, '2026-03-08T07:30:00.000Z'],
    ['01:30 repeated by fall back → the first, EDT', '2026-11-01', 1, 30, '2026-11-01T05:30:00.000Z'],
  ])('%s', (_name, day, hour, minute, expected) => {
    expect(zonedInstant(day, hour, minute, 0, 0, NY).toISOString()).toBe(expected);
  });

  it('keeps the time of day across a DST change (sameTimeOn)', () => {
    const fridayTenEdt = new Date('2026-10-30T14:00:00Z');
    expect(sameTimeOn('2026-11-02', fridayTenEdt, NY).toISOString()).toBe('2026-11-02T15:00:00.000Z');
  });
});

describe('fixed offsets: the sender’s day and ISO text', () => {
  it('the same instant is a different day at another offset', () => {
    const instant = new Date('2001-05-11T02:00:00Z');
    expect(localDayOf(instant, -420)).toEqual({ year: 2001, month: 5, day: 10 });
    expect(localDayOf(instant, 60)).toEqual({ year: 2001, month: 5, day: 11 });
  });

  it('writes instants with their offset', () => {
    expect(isoAt({ year: 2001, month: 5, day: 11 }, 17, 0, -420)).toBe('2001-05-11T17:00:00-07:00');
    expect(isoAt({ year: 2026, month: 7, day: 1 }, 9, 5, 345)).toBe('2026-07-01T09:05:00+05:45');
    expect(isoInOffset(new Date('2001-05-10T20:26:09Z'), -420)).toBe('2001-05-10T13:26:09-07:00');
  });
});
