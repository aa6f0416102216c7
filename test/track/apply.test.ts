import { describe, expect, it } from 'vitest';
import { type TrackContext, trackMessage, wakeExpired } from '../../src/track/apply.js';
import type { Extraction } from '../../src/types.js';
import { BOB, commitment, item, ME, message, NOW, ZONE } from './factory.js';

const CTX: TrackContext = { me: ME, now: NOW, timeZone: ZONE, holidays: [] };
const PROMISES: Extraction = { commitments: [commitment('send the brochure')], expectsReply: true };
const noThreads = () => undefined;

describe('trackMessage', () => {
  it('places the mail in its thread and hands back the keys to remember', () => {
    const mail = message({ id: 'reply@test', inReplyTo: 'parent@test', headers: { 'x-gm-thrid': '42' } });
    const result = trackMessage(
      { openItems: [], threadOf: (k) => (k === 'parent@test' ? 'T' : undefined) },
      mail,
      null,
      CTX,
    );
    expect(result.threadId).toBe('T');
    expect(result.threadKeys).toEqual(expect.arrayContaining(['reply@test', 'gm:42']));
  });

  it('uses now as the sent time of a mail without a Date', () => {
    const mail = message({ from: 'ann@example.com', to: [BOB], date: null });
    const { newItems } = trackMessage({ openItems: [], threadOf: noThreads }, mail, PROMISES, CTX);
    expect(newItems[0]?.sentAt).toBe(NOW.toISOString());
  });

  it('a bare X-Followthru-Digest header hides nothing (routing decides what is our own digest)', () => {
    const mail = message({ from: 'ann@example.com', to: [BOB], headers: { 'x-followthru-digest': '1' } });
    expect(
      trackMessage({ openItems: [], threadOf: noThreads }, mail, PROMISES, CTX).newItems.map((i) => i.kind),
    ).toContain('promise');
  });

  it.each([
    ['already closed', item({ status: 'done' })],
    ['made by this very mail', item({ messageId: 'same@test' })],
  ])('leaves an item %s alone', (_name, closed) => {
    const mail = message({
      id: 'same@test',
      from: 'ann@example.com',
      to: [BOB],
      attachments: ['Brochure.pdf'],
    });
    expect(trackMessage({ openItems: [closed], threadOf: noThreads }, mail, null, CTX).updates).toEqual([]);
  });
});

describe('wakeExpired', () => {
  it('opens snoozed items whose time has come, and only those', () => {
    const items = [
      item({ id: 1, status: 'snoozed', snoozedUntil: '2026-05-14T04:00:00.000Z' }), // this morning
      item({ id: 2, status: 'snoozed', snoozedUntil: '2026-05-15T04:00:00.000Z' }), // tomorrow
      item({ id: 3, status: 'open' }),
    ];
    const woken = wakeExpired(items, NOW);
    expect(woken.map((u) => [u.id, u.item.status, u.item.snoozedUntil])).toEqual([[1, 'open', null]]);
  });
});
