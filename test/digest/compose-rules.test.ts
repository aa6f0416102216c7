import { describe, expect, it } from 'vitest';
import { type ComposeOptions, composeDigest, digestEntries } from '../../src/digest/compose.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import type { Digest, TrackedItem } from '../../src/types.js';
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
const due = (date: string, text = 'Friday') => ({ date, at: null, text });
const lines = (d: Digest | null) => d?.sections.flatMap((s) => s.lines) ?? [];
const sectionOf = (d: Digest | null, id: number) =>
  d?.sections.find((s) => s.lines.some((l) => l.itemId === id))?.section ?? null;
const waiting = (spec: Partial<TrackedItem>) =>
  item({
    kind: 'awaiting-reply',
    subject: 'Site visit',
    sentAt: '2026-10-01T15:00:00.000Z',
    clockStartedAt: '2026-10-01T15:00:00.000Z',
    ...spec,
  });
const evidence = (spec = {}) => ({
  messageId: 'k',
  subject: 'Quote',
  at: '2026-11-14T10:00:00.000Z',
  attachment: null,
  words: ['revised', 'quote'],
  confidence: 0.9,
  ...spec,
});

describe('their promises belong to Waiting on them', () => {
  it.each([
    ['past its due day', 'waiting', item({ kind: 'their-promise', due: due('2026-11-12', 'Thursday') })],
    ['not due yet', null, item({ kind: 'their-promise', due: due('2026-11-20') })],
    [
      'with no date, quiet past the first step',
      'waiting',
      item({ kind: 'their-promise', sentAt: '2026-11-06T15:00:00.000Z', clockStartedAt: '2026-11-06T15:00:00.000Z' }),
    ],
  ])('a their-promise %s → %s', (_name, section, it_) => {
    expect(sectionOf(composeDigest([it_], { ...o, quiet: false }), it_.id)).toBe(section);
  });
});

describe('Waiting on them', () => {
  it.each([
    [0, 'nudge 1 of 3', /following up on my mail of .* about "Site visit"/],
    [1, 'nudge 2 of 3', /following up on my mail of .* about "Site visit"/],
    [2, 'nudge 3 of 3', /where this stands/],
    [3, 'No answer after 3 follow-ups', /I have not heard back about "Site visit" since .*close this on my side/],
  ])('after %i nudges says "%s" and suggests a follow-up from the thread', (nudges, next, suggestion) => {
    const line = lines(composeDigest([waiting({ nudges })], o))[0];
    expect(line?.next).toContain(next);
    expect(line?.suggestion).toMatch(suggestion);
    expect(line?.suggestion).toContain('"Site visit"');
    expect(line?.suggestion?.toLowerCase()).not.toMatch(/just (checking|following up)/);
  });

  it('says how long it has waited in business days', () => {
    const line = lines(
      composeDigest([waiting({ sentAt: '2026-11-10T15:00:00.000Z', clockStartedAt: '2026-11-10T15:00:00.000Z' })], o),
    )[0];
    expect(line?.next).toBe('Waiting 4 business days. Follow up (nudge 1 of 3).');
  });
});

describe('Kept since the last digest', () => {
  it.each([
    ['an attachment', evidence({ attachment: 'Quote-v2.pdf' }), 'Quote-v2.pdf in "Quote", Sat 14 Nov'],
    ['the words that matched', evidence(), '"revised quote" in "Quote", Sat 14 Nov'],
  ])('shows %s as evidence', (_name, ev, text) => {
    const kept = item({ status: 'kept', updatedAt: '2026-11-14T10:00:00.000Z', evidence: ev });
    expect(lines(composeDigest([kept], o))[0]?.evidence).toBe(text);
  });

  it.each([
    [
      'an answered thread (the reply is already in the inbox)',
      waiting({ status: 'answered', updatedAt: '2026-11-14T10:00:00.000Z', evidence: evidence() }),
    ],
    ['a kept promise without evidence', item({ status: 'kept', updatedAt: '2026-11-14T10:00:00.000Z' })],
    [
      'a promise the user marked done',
      item({ status: 'done', updatedAt: '2026-11-14T10:00:00.000Z', evidence: evidence() }),
    ],
  ])('leaves out %s', (_name, it_) => {
    expect(composeDigest([it_], { ...o, quiet: false })?.sections ?? []).toEqual([]);
  });
});

describe('quiet days', () => {
  it.each([
    ['something overdue', item({ due: due('2026-11-13') })],
    ['something due today', item({ due: due('2026-11-16', 'Monday') })],
    ['a follow-up due', waiting({})],
    ['something newly kept', item({ status: 'kept', updatedAt: '2026-11-14T10:00:00.000Z', evidence: evidence() })],
    ['a request still unanswered', item({ kind: 'asked-of-you' })],
  ])('a digest goes out for %s', (_name, it_) => {
    expect(composeDigest([it_], o)).not.toBeNull();
  });

  it.each([
    ['nothing at all', []],
    [
      'only things coming up',
      [item({ due: due('2026-11-18', 'Wednesday') }), item({ sentAt: '2026-11-13T15:00:00.000Z' })],
    ],
    [
      'only sleeping and closed things',
      [
        item({ status: 'snoozed', snoozedUntil: '2026-11-20T14:00:00.000Z', due: due('2026-11-13') }),
        item({ status: 'dropped', due: due('2026-11-13') }),
      ],
    ],
  ])('null for %s', (_name, items) => {
    expect(composeDigest(items, o)).toBeNull();
  });

  it('still composes those days when quiet is off', () =>
    expect(composeDigest([], { ...o, quiet: false })).toMatchObject({ sections: [], more: 0 }));
});

describe('ranking, numbering and the cap', () => {
  const overdue = Array.from({ length: 20 }, (_, i) =>
    item({ due: due('2026-11-13'), sentAt: `2026-11-0${(i % 9) + 1}T15:00:00.000Z` }),
  );
  const coming = Array.from({ length: 10 }, () => item({ due: due('2026-11-18', 'Wednesday') }));
  const quiet = waiting({});
  const kept = item({ status: 'kept', updatedAt: '2026-11-14T10:00:00.000Z', evidence: evidence() });
  const all = [...coming, kept, ...overdue, quiet];

  it('cuts Coming up before Waiting and Kept, and counts what it cut', () => {
    const digest = composeDigest(all, o);
    expect(lines(digest)).toHaveLength(25);
    expect(digest?.more).toBe(7);
    expect(digest?.sections.map((s) => [s.section, s.lines.length])).toEqual([
      ['overdue', 20],
      ['coming-up', 3],
      ['waiting', 1],
      ['kept', 1],
    ]);
  });

  it('numbers 1..N down the page, oldest first within a section, whatever the input order', () => {
    const a = composeDigest(all, o);
    const b = composeDigest([...all].reverse(), o);
    expect(lines(a).map((l) => l.number)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(digestEntries(a as Digest)).toEqual(digestEntries(b as Digest));
    const sent = lines(a)
      .slice(0, 20)
      .map((l) => l.itemId)
      .map((id) => overdue.find((x) => x.id === id)?.sentAt ?? '');
    expect(sent).toEqual([...sent].sort());
  });

  it.each([
    [0, 0, 32],
    [1, 1, 31],
  ])('maxItems %i shows %i and counts %i more', (maxItems, shown, more) => {
    const digest = composeDigest(all, { ...o, maxItems });
    expect(lines(digest)).toHaveLength(shown);
    expect(digest?.more).toBe(more);
  });

  it('says how late an overdue promise is in business days', () =>
    expect(lines(composeDigest([item({ due: due('2026-11-12', 'Thursday') })], o))[0]?.next).toMatch(
      /^2 business days late/,
    ));

  it.each([
    ['an overdue promise', item({ due: due('2026-11-12', 'Thursday') }), 'reply "due 1 <day>"'],
    [
      'a kept promise',
      item({ status: 'kept', updatedAt: '2026-11-14T10:00:00.000Z', evidence: evidence() }),
      'Reply "reopen 1"',
    ],
    ['a request', item({ kind: 'asked-of-you' }), '"done 1" if you already did'],
  ])('names the real number in the next step of %s', (_name, it_, command) => {
    expect(lines(composeDigest([it_], o))[0]?.next).toContain(command);
  });
});

describe('the user zone across the end of DST (America/Chicago, Sun 1 Nov 2026 02:00 CDT → 01:00 CST)', () => {
  const at = (iso: string) => ({ ...o, quiet: false, now: new Date(iso) });
  it.each([
    ['Sun 1 Nov 23:30 CST (already Nov 2 in UTC)', 'due-today', '2026-11-02T05:30:00Z'],
    ['Mon 2 Nov 00:30 CST', 'overdue', '2026-11-02T06:30:00Z'],
    ['Sat 31 Oct 23:30 CDT', 'coming-up', '2026-11-01T04:30:00Z'],
  ])('a promise due Sun 1 Nov, read at %s → %s', (_name, section, now) => {
    const it_ = item({ due: due('2026-11-01', 'Sunday'), sentAt: '2026-10-29T15:00:00.000Z' });
    expect(sectionOf(composeDigest([it_], at(now)), it_.id)).toBe(section);
  });

  it.each([
    ['09:30 CST, before the hour', null, '2026-11-03T15:30:00Z'],
    ['10:30 CST, after it', 'waiting', '2026-11-03T16:30:00Z'],
  ])('a thread sent Thu 29 Oct 10:00 CDT is due for a nudge Tue 3 Nov 10:00 CST: at %s → %s', (_name, section, now) => {
    const it_ = waiting({ sentAt: '2026-10-29T15:00:00.000Z', clockStartedAt: '2026-10-29T15:00:00.000Z' });
    expect(sectionOf(composeDigest([it_], at(now)), it_.id)).toBe(section);
  });
});
