import { describe, expect, it } from 'vitest';
import { isOverdue, isTransitionError, type LifecycleEvent, transition } from '../../src/track/lifecycle.js';
import type { Evidence, ItemKind, ItemStatus, TrackedItem } from '../../src/types.js';
import { item, NOW } from './factory.js';

const EVIDENCE: Evidence = {
  messageId: 'later@test',
  subject: 'Brochure',
  at: '2026-05-13T10:00:00.000Z',
  attachment: 'Brochure-2026.pdf',
  words: ['brochure'],
  confidence: 0.95,
};
const TOMORROW = new Date('2026-05-15T12:00:00Z');
const TOMORROW_ISO = TOMORROW.toISOString();
const YESTERDAY = '2026-05-13T12:00:00.000Z';

function apply(start: TrackedItem, event: LifecycleEvent): TrackedItem {
  const result = transition(start, event, NOW);
  if (isTransitionError(result)) throw new Error(result.error);
  return result;
}

describe('transition: allowed moves', () => {
  it.each<[ItemKind, ItemStatus, LifecycleEvent, ItemStatus]>([
    ['promise', 'open', { type: 'kept', evidence: EVIDENCE }, 'kept'],
    ['promise', 'snoozed', { type: 'kept', evidence: EVIDENCE }, 'kept'],
    ['awaiting-reply', 'open', { type: 'answered', messageId: 'r@test' }, 'answered'],
    ['asked-of-you', 'open', { type: 'answered', messageId: 'r@test' }, 'answered'],
    ['promise', 'open', { type: 'done' }, 'done'],
    ['promise', 'kept', { type: 'done' }, 'done'],
    ['promise', 'open', { type: 'drop' }, 'dropped'],
    ['promise', 'open', { type: 'snooze', until: TOMORROW }, 'snoozed'],
    ['promise', 'done', { type: 'reopen' }, 'open'],
    ['promise', 'dropped', { type: 'reopen' }, 'open'],
    ['promise', 'open', { type: 'notAPromise' }, 'dropped'],
    ['asked-of-you', 'open', { type: 'notAPromise' }, 'dropped'],
  ])('%s %s --%o--> %s', (kind, status, event, expected) => {
    const next = apply(item({ kind, status }), event);
    expect(next.status).toBe(expected);
    expect(next.updatedAt).toBe(NOW.toISOString());
  });

  it('wakes a snooze that has expired and clears it', () => {
    const next = apply(item({ status: 'snoozed', snoozedUntil: YESTERDAY }), { type: 'wake' });
    expect(next).toMatchObject({ status: 'open', snoozedUntil: null });
  });

  it('records the evidence of a kept item the user reopens', () => {
    const kept = apply(item(), { type: 'kept', evidence: EVIDENCE });
    const reopened = apply(kept, { type: 'reopen' });
    expect(reopened).toMatchObject({ status: 'open', evidence: null, rejectedEvidence: ['later@test'] });
  });
});

describe('transition: refused moves', () => {
  it.each<[string, Partial<TrackedItem>, LifecycleEvent]>([
    ['keep an awaiting-reply', { kind: 'awaiting-reply' }, { type: 'kept', evidence: EVIDENCE }],
    ['answer a promise', { kind: 'promise' }, { type: 'answered', messageId: 'r@test' }],
    ['keep a dropped item', { status: 'dropped' }, { type: 'kept', evidence: EVIDENCE }],
    ['finish a done item again', { status: 'done' }, { type: 'done' }],
    ['reopen an open item', { status: 'open' }, { type: 'reopen' }],
    ['wake an open item', { status: 'open' }, { type: 'wake' }],
    ['wake before the snooze ends', { status: 'snoozed', snoozedUntil: TOMORROW_ISO }, { type: 'wake' }],
    ['snooze into the past', {}, { type: 'snooze', until: new Date(YESTERDAY) }],
    ['keep on rejected evidence', { rejectedEvidence: ['later@test'] }, { type: 'kept', evidence: EVIDENCE }],
  ])('cannot %s', (_name, spec, event) => {
    expect(isTransitionError(transition(item(spec), event, NOW))).toBe(true);
  });

  it('never closes a reopened item on the same evidence again', () => {
    const reopened = apply(apply(item(), { type: 'kept', evidence: EVIDENCE }), { type: 'reopen' });
    expect(isTransitionError(transition(reopened, { type: 'kept', evidence: EVIDENCE }, NOW))).toBe(true);
  });
});

describe('isOverdue is derived from the due date in the user zone', () => {
  // 23:30 UTC on Thursday 2026-05-14: already Friday in Tokyo, still Thursday afternoon in Los Angeles.
  const nearMidnightUtc = new Date('2026-05-14T23:30:00Z');
  const dueThursday = { date: '2026-05-14', at: null, text: 'today' };

  it.each([
    ['Asia/Tokyo', true], // Thursday has fully passed in Tokyo
    ['America/Los_Angeles', false], // Thursday is not over yet in Los Angeles
    ['UTC', false],
  ])('a due "today" (2026-05-14) at 23:30 UTC in %s → %s', (zone, expected) => {
    expect(isOverdue(item({ due: dueThursday }), nearMidnightUtc, zone)).toBe(expected);
  });

  const dueTuesday = { date: '2026-05-12', at: null, text: 'Tuesday' };
  const at = (instant: string) => ({ date: '2026-05-14', at: instant, text: 'by then' });
  it.each([
    ['a due time that has passed', { due: at('2026-05-14T17:00:00-04:00') }, true], // 21:00 UTC
    ['a due time still ahead', { due: at('2026-05-14T20:00:00-04:00') }, false], // 24:00 UTC
    ['an open item two days late', { due: dueTuesday }, true],
    ['no due date', { due: null }, false],
    ['a kept item past its due', { status: 'kept' as const, due: dueTuesday }, false],
    ['a snoozed item past its due', { status: 'snoozed' as const, due: dueTuesday }, false],
  ])('%s → %s', (_name, spec, expected) => {
    expect(isOverdue(item(spec), new Date('2026-05-14T22:00:00Z'), 'America/Los_Angeles')).toBe(expected);
  });
});
