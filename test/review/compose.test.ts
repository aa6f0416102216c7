// The weekly review as a pure function: which items each count takes, the numbering a reply answers, quiet weeks.
import { describe, expect, it } from 'vitest';
import { digestEntries } from '../../src/digest/compose.js';
import { renderHtml } from '../../src/digest/render-html.js';
import { renderText } from '../../src/digest/render-text.js';
import { composeReview, type ReviewOptions } from '../../src/review/compose.js';
import type { TrackedItem } from '../../src/types.js';
import { item } from '../digest/factory.js';

// Fri 20 Nov 2026, 16:00 in Chicago: the week is Sat 14 Nov 00:00 (06:00Z) to now.
const o: ReviewOptions = {
  now: new Date('2026-11-20T22:00:00Z'),
  timeZone: 'America/Chicago',
  holidays: [],
  backfillDays: 30,
  maxItems: 25,
};
const due = (date: string) => ({ date, at: null, text: date });
const evidence = (at: string) => ({
  messageId: 'e@x',
  subject: 'Quote',
  at,
  attachment: null,
  words: [],
  confidence: 1,
});

const week = {
  keptOnTime: item({
    sentAt: '2026-11-16T15:00:00Z',
    due: due('2026-11-18'),
    status: 'kept',
    evidence: evidence('2026-11-17T15:00:00Z'),
    updatedAt: '2026-11-17T15:05:00Z',
  }),
  keptLate: item({
    sentAt: '2026-11-10T15:00:00Z',
    due: due('2026-11-13'),
    status: 'done',
    updatedAt: '2026-11-16T14:00:00Z',
  }),
  openMade: item({ text: 'I will send the specs.', sentAt: '2026-11-18T15:00:00Z', due: due('2026-11-25') }),
  oldestOpen: item({ text: 'Let me check and get back to you.', sentAt: '2026-11-02T15:00:00Z' }),
  snoozedMade: item({ sentAt: '2026-11-19T15:00:00Z', status: 'snoozed', snoozedUntil: '2026-11-30T14:00:00Z' }),
  dropped: item({ sentAt: '2026-11-12T15:00:00Z', status: 'dropped', updatedAt: '2026-11-19T15:00:00Z' }),
  droppedBefore: item({ sentAt: '2026-11-02T15:00:00Z', status: 'dropped', updatedAt: '2026-11-10T15:00:00Z' }),
  keptBefore: item({
    status: 'kept',
    evidence: evidence('2026-11-09T15:00:00Z'),
    updatedAt: '2026-11-09T15:00:00Z',
    sentAt: '2026-11-05T15:00:00Z',
  }),
  answered: item({
    kind: 'awaiting-reply',
    status: 'answered',
    sentAt: '2026-11-11T15:00:00Z',
    updatedAt: '2026-11-17T15:00:00Z',
  }),
  answeredByHand: item({
    kind: 'awaiting-reply',
    status: 'done',
    sentAt: '2026-11-09T15:00:00Z',
    updatedAt: '2026-11-18T15:00:00Z',
  }),
  waiting: item({ kind: 'awaiting-reply', subject: 'Site visit', sentAt: '2026-11-12T15:00:00Z' }),
  quiet: item({
    rule: 'keep-in-touch',
    text: 'Keep in touch with Laura Chen',
    subject: 'Catch-up',
    sentAt: '2026-08-20T15:00:00Z',
    counterparties: [{ name: 'Laura Chen', address: 'laura@harbor.example' }],
  }),
  quietResolved: item({
    rule: 'keep-in-touch',
    status: 'answered',
    sentAt: '2026-08-01T15:00:00Z',
    updatedAt: '2026-11-18T15:00:00Z',
  }),
  archived: item({ sentAt: '2025-01-01T15:00:00Z' }),
  asked: item({ kind: 'asked-of-you', sentAt: '2026-11-18T15:00:00Z' }),
};
const items: TrackedItem[] = Object.values(week);

describe('composeReview counts the week', () => {
  const review = composeReview(items, o);

  it.each([
    ['made', ['keptOnTime', 'openMade', 'snoozedMade']],
    ['keptOnTime', ['keptOnTime']],
    ['keptLate', ['keptLate']],
    ['dropped', ['dropped']],
    ['stillOpen', ['oldestOpen', 'openMade', 'snoozedMade']],
    ['answered', ['answered', 'answeredByHand']],
    ['waiting', ['waiting']],
    ['goneQuiet', ['quiet']],
  ] as const)('%s', (count, names) => {
    expect(review.counts[count]).toBe(names.length);
  });

  it('names the oldest open promise, numbered 1', () => {
    expect(review.oldestOpen?.id).toBe(week.oldestOpen.id);
    expect(review.digest?.summary).toContain(
      'Oldest open promise: 1. "Let me check and get back to you.", sent Mon 2 Nov',
    );
  });

  it('numbers open promises oldest first, then threads waiting, then people gone quiet', () => {
    const entries = digestEntries(review.digest ?? { forDay: '', subject: '', sections: [], more: 0 });
    expect(entries).toEqual(
      [week.oldestOpen, week.openMade, week.snoozedMade, week.waiting, week.quiet].map((i, n) => ({
        number: n + 1,
        itemId: i.id,
      })),
    );
    expect(review.digest?.sections.map((s) => s.title)).toEqual(['Still open', 'Still waiting on them', 'Gone quiet']);
  });

  it('its lines carry copyable commands with their own numbers', () => {
    const text = renderText(review.digest as never);
    expect(text).toContain('Promises: 3 made · 1 kept on time · 1 kept late · 1 dropped · 3 still open');
    expect(text).toContain('Threads: 2 answered · 1 still waiting');
    expect(text).toContain('People gone quiet: 1');
    expect(text).toMatch(/^2\. "I will send the specs\."$/m);
    expect(text).toContain('Due Wed 25 Nov. Done already? Reply "done 2".');
    expect(text).toContain('Overdue since Thu 5 Nov: do it, or reply "due 1 <day>"');
    expect(text).toContain('"mute 5"');
    expect(review.digest?.subject).toBe('followthru weekly review: 3 promises made, 2 kept, 3 still open');
  });

  it('the HTML shows the same counts, escaped', () => {
    const html = renderHtml(review.digest as never);
    expect(html).toContain('Promises: 3 made · 1 kept on time');
    expect(html).toContain('Oldest open promise: 1. &quot;Let me check and get back to you.&quot;');
  });

  it('covers today and the six days before, in the user zone', () => {
    expect(review.fromDay).toBe('2026-11-14');
    expect(review.forDay).toBe('2026-11-20');
  });
});

describe('composeReview edges', () => {
  it('kept late in the evening of the due day, local time, is on time', () => {
    const late = item({ due: due('2026-11-18'), status: 'kept', evidence: evidence('2026-11-19T03:00:00Z') });
    expect(composeReview([late], o).counts).toMatchObject({ keptOnTime: 1, keptLate: 0 });
  });

  it('an undated promise is due 3 business days after it was made', () => {
    const made = '2026-11-16T15:00:00Z'; // Mon: counted as due Thu 19
    const onTime = item({ sentAt: made, status: 'done', updatedAt: '2026-11-19T20:00:00Z' });
    const late = item({ sentAt: made, status: 'done', updatedAt: '2026-11-20T15:00:00Z' });
    expect(composeReview([onTime, late], o).counts).toMatchObject({ keptOnTime: 1, keptLate: 1 });
  });

  it('maxItems cuts the numbered lines and says how many more', () => {
    const review = composeReview(items, { ...o, maxItems: 2 });
    expect(review.digest?.sections.flatMap((s) => s.lines.map((l) => l.number))).toEqual([1, 2]);
    expect(review.digest?.more).toBe(3);
  });

  it('is quiet with nothing in the store', () => {
    expect(composeReview([], o).digest).toBeNull();
  });

  it('is quiet when nothing happened this week and nothing is open', () => {
    const review = composeReview([week.droppedBefore, week.keptBefore, week.archived, week.asked], o);
    expect(review.digest).toBeNull();
    expect(Object.values(review.counts).every((n) => n === 0)).toBe(true);
  });

  it('speaks when only an old promise is still open', () => {
    expect(composeReview([week.oldestOpen], o).digest?.subject).toContain('1 still open');
  });
});
