import { describe, expect, it } from 'vitest';
import { cronFields } from '../../src/scheduler/cron.js';
import { nextSlot, slotEarlierToday } from '../../src/scheduler/slot.js';

const WEEKDAYS_0730 = cronFields('30 7 * * 1-5');
const ZONE = 'America/Chicago';

describe('slotEarlierToday: was a digest due earlier today?', () => {
  it.each([
    ['Monday 09:00 CST: the 07:30 slot', '2026-11-16T15:00:00Z', '2026-11-16T13:30:00.000Z'],
    ['exactly at 07:30', '2026-11-16T13:30:00Z', '2026-11-16T13:30:00.000Z'],
    ['the Monday after DST ended (CST, UTC-6)', '2026-11-02T14:00:00Z', '2026-11-02T13:30:00.000Z'],
    ['a Monday in summer (CDT, UTC-5)', '2026-07-13T14:00:00Z', '2026-07-13T12:30:00.000Z'],
    ['late evening, local day still Monday', '2026-11-17T04:00:00Z', '2026-11-16T13:30:00.000Z'],
  ])('%s', (_name, now, slot) => {
    expect(slotEarlierToday(WEEKDAYS_0730, new Date(now), ZONE)?.toISOString()).toBe(slot);
  });

  it.each([
    ['Monday 07:29', '2026-11-16T13:29:00Z'],
    ['Saturday noon', '2026-11-21T18:00:00Z'],
    ['just after local midnight Tuesday', '2026-11-17T06:30:00Z'],
  ])('none: %s', (_name, now) => {
    expect(slotEarlierToday(WEEKDAYS_0730, new Date(now), ZONE)).toBeNull();
  });

  it('takes the latest of several slots', () => {
    const twice = cronFields('0 8,17 * * *');
    expect(slotEarlierToday(twice, new Date('2026-11-16T23:30:00Z'), ZONE)?.toISOString()).toBe(
      '2026-11-16T23:00:00.000Z',
    );
  });
});

describe('nextSlot: when the next digest goes out', () => {
  it.each([
    ['Friday after the slot → Monday', '2026-11-20T15:00:00Z', '2026-11-23T13:30:00.000Z'],
    ['Monday before the slot → today', '2026-11-16T10:00:00Z', '2026-11-16T13:30:00.000Z'],
    ['across the DST change (CDT → CST)', '2026-10-30T15:00:00Z', '2026-11-02T13:30:00.000Z'],
    ['before it (still CDT)', '2026-10-29T15:00:00Z', '2026-10-30T12:30:00.000Z'],
  ])('%s', (_name, now, next) => {
    expect(nextSlot(WEEKDAYS_0730, new Date(now), ZONE)?.toISOString()).toBe(next);
  });
});
