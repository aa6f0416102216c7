import { describe, expect, it } from 'vitest';
import { DEFAULT_CADENCE, followUpDue, onUserFollowUp } from '../../src/track/cadence.js';
import type { TrackedItem } from '../../src/types.js';
import { item, message, NOW, ZONE } from './factory.js';

const MEMORIAL_DAY = '2026-05-25';
/** Sent Monday 2026-05-11 10:00 New York time (EDT). */
const SENT = '2026-05-11T14:00:00.000Z';
function waiting(spec: Partial<TrackedItem> = {}): TrackedItem {
  return item({ kind: 'awaiting-reply', action: 'reply', sentAt: SENT, clockStartedAt: SENT, ...spec });
}

describe('followUpDue: 3, then 7, then 14 business days from the last clock restart', () => {
  it.each([
    [0, SENT, [], '2026-05-14T14:00:00.000Z', 1], // Mon + 3 = Thu
    [1, '2026-05-14T14:00:00.000Z', [], '2026-05-25T14:00:00.000Z', 2], // Thu + 7 = Mon after next
    [1, '2026-05-14T14:00:00.000Z', [MEMORIAL_DAY], '2026-05-26T14:00:00.000Z', 2], // the holiday is skipped
    [2, '2026-05-25T14:00:00.000Z', [], '2026-06-12T14:00:00.000Z', 3], // Mon + 14 = Fri two weeks on
  ])('after %i nudges, clock %s, holidays %j → due %s (nudge %i)', (nudges, clock, holidays, due, nudge) => {
    const next = followUpDue(waiting({ nudges, clockStartedAt: clock }), NOW, ZONE, holidays);
    expect(next).toEqual({ due: new Date(due), nudge });
  });

  it('asks to let go once the last nudge has had its 14 days', () => {
    const spent = waiting({ nudges: 3, clockStartedAt: '2026-06-12T14:00:00.000Z' });
    expect(followUpDue(spent, NOW, ZONE, [])).toEqual({
      letGo: true,
      at: new Date('2026-07-02T14:00:00.000Z'),
    });
  });

  it('honours a smaller maxNudges', () => {
    const policy = { ...DEFAULT_CADENCE, maxNudges: 1 };
    expect(followUpDue(waiting({ nudges: 1 }), NOW, ZONE, [], policy)).toMatchObject({ letGo: true });
  });
});

describe('followUpDue: things that move the next follow-up', () => {
  it.each([
    ['back Friday: the next business day after', '2026-05-22', [], '2026-05-25T04:00:00.000Z'],
    ['back Friday before a holiday Monday', '2026-05-22', [MEMORIAL_DAY], '2026-05-26T04:00:00.000Z'],
    ['back before the follow-up was due anyway', '2026-05-12', [], '2026-05-14T14:00:00.000Z'],
  ])('out of office %s', (_name, returnDay, holidays, due) => {
    const next = followUpDue(waiting(), NOW, ZONE, holidays, DEFAULT_CADENCE, { returnDay });
    expect(next).toEqual({ due: new Date(due), nudge: 1 });
  });

  it('a snooze into the future', () => {
    const snoozed = waiting({ status: 'snoozed', snoozedUntil: '2026-05-20T13:00:00.000Z' });
    expect(followUpDue(snoozed, NOW, ZONE, [])).toEqual({
      due: new Date('2026-05-20T13:00:00.000Z'),
      nudge: 1,
    });
  });

  it.each([
    ['a due day: chase from the next business day', '2026-05-15', null, '2026-05-18T04:00:00.000Z'],
    ['a due time: chase once it passes', '2026-05-15', '2026-05-15T17:00-04:00', '2026-05-15T21:00:00.000Z'],
    ['no due: the usual cadence', null, null, '2026-05-14T14:00:00.000Z'],
  ])('their promise with %s', (_name, date, at, expected) => {
    const theirs = waiting({ kind: 'their-promise', due: date ? { date, at, text: 'Friday' } : null });
    expect(followUpDue(theirs, NOW, ZONE, [])).toEqual({ due: new Date(expected), nudge: 1 });
  });
});

describe('followUpDue: nothing to follow up', () => {
  it.each<[string, Partial<TrackedItem>]>([
    ["the user's own promise", { kind: 'promise' }],
    ['a question put to the user', { kind: 'asked-of-you' }],
    ['an answered thread', { status: 'answered' }],
    ['a dropped thread', { status: 'dropped' }],
  ])('%s', (_name, spec) => {
    expect(followUpDue(waiting(spec), NOW, ZONE, [])).toBeNull();
  });
});

describe('onUserFollowUp: a mail from the user in the thread is a nudge', () => {
  it('counts the nudge and restarts the clock, so the next step is 7 business days from it', () => {
    const nudge = message({ from: 'ann@example.com', date: '2026-05-14T15:00:00Z' });
    const nudged = onUserFollowUp(waiting(), nudge, NOW);
    expect(nudged).toMatchObject({
      nudges: 1,
      clockStartedAt: '2026-05-14T15:00:00.000Z',
      updatedAt: NOW.toISOString(),
    });
    expect(followUpDue(nudged, NOW, ZONE, [])).toEqual({
      due: new Date('2026-05-25T15:00:00.000Z'),
      nudge: 2,
    });
  });

  it.each<[string, Partial<TrackedItem>, string]>([
    ['a mail older than the clock (resync)', {}, '2026-05-10T09:00:00Z'],
    ['a closed item', { status: 'answered' }, '2026-05-14T15:00:00Z'],
    ['a promise, which has no clock', { kind: 'promise' }, '2026-05-14T15:00:00Z'],
  ])('changes nothing for %s', (_name, spec, date) => {
    const before = waiting(spec);
    expect(onUserFollowUp(before, message({ from: 'ann@example.com', date }), NOW)).toBe(before);
  });

  it("changes nothing for the item's own mail", () => {
    const before = waiting();
    expect(onUserFollowUp(before, message({ id: before.messageId, date: '2026-05-14T15:00:00Z' }), NOW)).toBe(before);
  });
});
