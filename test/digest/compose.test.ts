import { describe, expect, it } from 'vitest';
import { type ComposeOptions, composeDigest } from '../../src/digest/compose.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import type { Digest } from '../../src/types.js';
import { item } from './factory.js';

/** Mon 16 Nov 2026 07:30 in Chicago. */
const NOW = new Date('2026-11-16T13:30:00Z');
const o: ComposeOptions = {
  now: NOW,
  timeZone: 'America/Chicago',
  holidays: [],
  lastDigestAt: '2026-11-13T13:30:00.000Z',
  maxItems: 25,
  quiet: true,
  cadence: DEFAULT_CADENCE,
};
const sectionOf = (digest: Digest | null, itemId: number) =>
  digest?.sections.find((s) => s.lines.some((l) => l.itemId === itemId))?.section ?? null;
const due = (date: string, text = 'Friday') => ({ date, at: null, text });

describe('composeDigest puts each item in its section', () => {
  it.each([
    ['a promise due last Friday', item({ due: due('2026-11-13') }), 'overdue'],
    ['a promise due today', item({ due: due('2026-11-16', 'Monday') }), 'due-today'],
    ['a promise due in 3 business days', item({ due: due('2026-11-19', 'Thursday') }), 'coming-up'],
    ['a promise with no date, made today-ish', item({ sentAt: '2026-11-13T15:00:00.000Z' }), 'coming-up'],
    ['a promise with no date, a week old', item({ sentAt: '2026-11-05T15:00:00.000Z' }), 'overdue'],
    [
      'a quiet thread past its first follow-up',
      item({ kind: 'awaiting-reply', sentAt: '2026-11-06T15:00:00.000Z', clockStartedAt: '2026-11-06T15:00:00.000Z' }),
      'waiting',
    ],
    ['a request to the user', item({ kind: 'asked-of-you' }), 'asked-of-you'],
    [
      'a promise kept since the last digest',
      item({
        status: 'kept',
        updatedAt: '2026-11-14T10:00:00.000Z',
        evidence: {
          messageId: 'k',
          subject: 'Quote',
          at: '2026-11-14T10:00:00.000Z',
          attachment: 'Quote.pdf',
          words: [],
          confidence: 0.9,
        },
      }),
      'kept',
    ],
  ])('%s → %s', (_name, it_, section) => {
    expect(sectionOf(composeDigest([it_], { ...o, quiet: false }), it_.id)).toBe(section);
  });

  it.each([
    ['a promise due next month', item({ due: due('2026-12-15') })],
    [
      'a thread sent yesterday (never pushy)',
      item({ kind: 'awaiting-reply', sentAt: '2026-11-13T15:00:00.000Z', clockStartedAt: '2026-11-13T15:00:00.000Z' }),
    ],
    [
      'a snoozed promise',
      item({ status: 'snoozed', snoozedUntil: '2026-11-20T14:00:00.000Z', due: due('2026-11-13') }),
    ],
    ['a done promise', item({ status: 'done', due: due('2026-11-13') })],
    [
      'a promise kept before the last digest',
      item({
        status: 'kept',
        updatedAt: '2026-11-12T10:00:00.000Z',
        evidence: {
          messageId: 'k',
          subject: 'Quote',
          at: '2026-11-12T10:00:00.000Z',
          attachment: null,
          words: ['quote'],
          confidence: 0.9,
        },
      }),
    ],
  ])('leaves out %s', (_name, it_) => {
    expect(sectionOf(composeDigest([it_], { ...o, quiet: false }), it_.id)).toBeNull();
  });
});

describe('composeDigest', () => {
  it('is quiet (null) when only upcoming things exist', () => {
    expect(composeDigest([item({ due: due('2026-11-18', 'Wednesday') })], o)).toBeNull();
    expect(composeDigest([], o)).toBeNull();
  });

  it('writes the due date as it was read, and numbers lines across sections in order', () => {
    const late = item({ due: due('2026-11-13') });
    const today = item({ due: due('2026-11-16', 'Monday') });
    const digest = composeDigest([today, late], o);
    expect(digest?.sections.map((s) => s.section)).toEqual(['overdue', 'due-today']);
    expect(digest?.sections[0]?.lines[0]).toMatchObject({
      number: 1,
      itemId: late.id,
      due: "you wrote 'Friday' → Fri 13 Nov",
    });
    expect(digest?.sections[1]?.lines[0]?.number).toBe(2);
    expect(digest?.subject).toBe('followthru: 1 overdue, 1 due today');
  });

  it('caps at maxItems, overdue first then oldest, and says how many more', () => {
    const items = Array.from({ length: 30 }, (_, i) =>
      item({ due: due('2026-11-13'), sentAt: `2026-11-${String(10 - (i % 5)).padStart(2, '0')}T15:00:00.000Z` }),
    );
    const digest = composeDigest(items, o);
    const lines = digest?.sections.flatMap((s) => s.lines) ?? [];
    expect(lines).toHaveLength(25);
    expect(digest?.more).toBe(5);
    expect(lines[0]?.sent).toBe('Fri 6 Nov');
  });

  it('suggests a follow-up that adds something and never "just checking in"', () => {
    const quiet = item({
      kind: 'awaiting-reply',
      subject: 'Site visit',
      sentAt: '2026-11-06T15:00:00.000Z',
      clockStartedAt: '2026-11-06T15:00:00.000Z',
      counterparties: [{ name: 'Dave Whitaker', address: 'd@w.example' }],
    });
    const line = composeDigest([quiet], o)?.sections[0]?.lines[0];
    expect(line?.next).toMatch(/nudge 1 of 3/);
    expect(line?.suggestion).toMatch(/^Hi Dave,/);
    expect(line?.suggestion).toContain('"Site visit"');
    expect(line?.suggestion?.toLowerCase()).not.toContain('just checking');
  });

  it('reads "today" in the user zone across the DST change', () => {
    // Sun 1 Nov 2026 02:00 CDT → CST. Monday 2 Nov 07:30 CST is 13:30Z.
    const monday = { ...o, now: new Date('2026-11-02T13:30:00Z') };
    const it_ = item({ due: due('2026-11-02', 'Monday'), sentAt: '2026-10-29T15:00:00.000Z' });
    expect(sectionOf(composeDigest([it_], monday), it_.id)).toBe('due-today');
  });
});
