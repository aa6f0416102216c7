import { describe, expect, it } from 'vitest';
import {
  createDigest,
  digestForDay,
  findDigestByToken,
  isCommandApplied,
  lastDigest,
  markCommandApplied,
  markDigestSent,
} from '../../src/store/index.js';
import { tempStore } from './helpers.js';

const NOW = new Date('2024-03-04T07:30:00.000Z');
const entries = [
  { number: 1, itemId: 4 },
  { number: 2, itemId: 7 },
];
const draft = (n: number) => ({
  token: `tok${n}`,
  messageId: `<digest-${n}@followthru>`,
  forDay: '2024-03-04',
  entries,
});

describe('digests', () => {
  it('creates, marks sent and finds by token or Message-ID (with or without brackets)', async () => {
    const { store } = await tempStore();
    const digest = await createDigest(store, draft(1), NOW);
    expect(digest).toEqual({
      id: 1,
      kind: 'daily',
      token: 'tok1',
      messageId: 'digest-1@followthru',
      createdAt: NOW.toISOString(),
      sentAt: null,
      forDay: '2024-03-04',
      entries,
      itemCount: 2,
    });
    await markDigestSent(store, digest.id, NOW);
    const sent = { ...digest, sentAt: NOW.toISOString() };
    expect(await findDigestByToken(store, 'tok1')).toEqual(sent);
  });

  it('gives the last digest, or the last one sent', async () => {
    const { store } = await tempStore();
    const first = await createDigest(store, draft(1));
    await markDigestSent(store, first.id);
    await createDigest(store, { ...draft(2), itemCount: 30 });
    expect((await lastDigest(store))?.token).toBe('tok2');
    expect((await lastDigest(store))?.itemCount).toBe(30);
    expect((await lastDigest(store, { sentOnly: true }))?.token).toBe('tok1');
  });

  it('keeps the weekly review apart: one of each kind per day, the last of a kind', async () => {
    const { store } = await tempStore();
    const daily = await createDigest(store, draft(1));
    const weekly = await createDigest(store, { ...draft(2), kind: 'weekly' });
    await markDigestSent(store, daily.id);
    await markDigestSent(store, weekly.id);
    expect((await digestForDay(store, '2024-03-04'))?.token).toBe('tok1');
    expect((await digestForDay(store, '2024-03-04', 'weekly'))?.token).toBe('tok2');
    expect((await lastDigest(store, { sentOnly: true, kind: 'daily' }))?.token).toBe('tok1');
    expect((await lastDigest(store, { sentOnly: true }))?.kind).toBe('weekly');
    expect((await findDigestByToken(store, 'tok2'))?.kind).toBe('weekly');
  });

  it('applies a command key once', async () => {
    const { store } = await tempStore();
    const digest = await createDigest(store, draft(1));
    expect(await markCommandApplied(store, digest.id, 'reply-1:done:2')).toBe(true);
    expect(await markCommandApplied(store, digest.id, 'reply-1:done:2')).toBe(false);
    expect(await isCommandApplied(store, 'reply-1:done:2')).toBe(true);
    expect(await isCommandApplied(store, 'reply-1:done:1')).toBe(false);
  });
});

describe('digests, negative cases', () => {
  it.each([
    ['token', { ...draft(2), token: 'tok1' }],
    ['Message-ID', { ...draft(2), messageId: 'digest-1@followthru' }],
  ])('refuses a second digest with the same %s', async (_field, second) => {
    const { store } = await tempStore();
    await createDigest(store, draft(1));
    await expect(createDigest(store, second)).rejects.toMatchObject({ code: 'ESTORE', message: /UNIQUE/ });
  });

  it('finds nothing in an empty store', async () => {
    const { store } = await tempStore();
    expect(await lastDigest(store)).toBeNull();
    expect(await findDigestByToken(store, 'x')).toBeNull();
  });

  it('refuses a command for a digest that does not exist', async () => {
    const { store } = await tempStore();
    await expect(markCommandApplied(store, 99, 'k')).rejects.toMatchObject({ code: 'ESTORE' });
  });
});
