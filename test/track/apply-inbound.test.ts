import { describe, expect, it } from 'vitest';
import { type TrackContext, trackMessage } from '../../src/track/apply.js';
import type { Extraction, TrackedItem } from '../../src/types.js';
import { addr, BOB, CAROL, commitment, item, ME, type MessageSpec, message, NOW, ZONE } from './factory.js';

const CTX: TrackContext = { me: ME, now: NOW, timeZone: ZONE, holidays: [] };
const NOTHING: Extraction = { commitments: [], expectsReply: false };
const ASKS: Extraction = { commitments: [], expectsReply: true };
const threadOf = (key: string) => (key === 'parent@test' ? 'T' : undefined);
const inThread = { inReplyTo: 'parent@test', references: ['parent@test'] };
/** The user asked Bob something in thread T on Monday and waits. */
const waitingOnBob = item({
  id: 8,
  kind: 'awaiting-reply',
  threadId: 'T',
  messageId: 'parent@test',
  action: 'reply',
});

function receive(spec: MessageSpec, extraction: Extraction | null = NOTHING, openItems: TrackedItem[] = []) {
  const mail = message({ from: BOB, to: ['ann@example.com'], subject: 'Re: Brochure', ...spec });
  return trackMessage({ openItems, threadOf }, mail, extraction, CTX);
}

describe('a mail from someone else', () => {
  it('answers the thread that waits on its sender', () => {
    const { updates } = receive(inThread, NOTHING, [waitingOnBob]);
    expect(updates.map((u) => [u.id, u.item.status, u.reason])).toEqual([[8, 'answered', `answered by ${BOB}`]]);
  });

  it('makes each of its commitments a promise of theirs, owed by the sender', () => {
    const extraction = { commitments: [commitment('send the signed copy')], expectsReply: false };
    const { newItems } = receive({}, extraction);
    expect(newItems).toHaveLength(1);
    expect(newItems[0]).toMatchObject({
      kind: 'their-promise',
      action: 'send the signed copy',
      counterparties: [addr(BOB)],
    });
  });

  it('records a question put to the user', () => {
    const { newItems } = receive({ subject: 'Budget?' }, ASKS);
    expect(newItems).toEqual([
      expect.objectContaining({
        kind: 'asked-of-you',
        text: 'Budget?',
        counterparties: [addr(BOB)],
        status: 'open',
      }),
    ]);
  });

  it('snoozes the thread until the next business day after an out-of-office return', () => {
    const ooo = {
      ...inThread,
      headers: { 'auto-submitted': 'auto-replied' },
      newText: "I'm back on Friday 22 May.",
    };
    const { updates, newItems } = receive(ooo, ASKS, [waitingOnBob]);
    expect(newItems).toEqual([]);
    // Monday 2026-05-25, 00:00 in New York.
    expect(updates[0]?.item).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-05-25T04:00:00.000Z' });
  });
});

describe('a mail from someone else that changes nothing', () => {
  const list = { 'list-unsubscribe': '<mailto:leave@news.example>' };
  const ooo = { 'auto-submitted': 'auto-replied' };

  it.each<[string, MessageSpec, Extraction]>([
    ['a newsletter saying "please reply"', { headers: list, newText: 'Please reply to this email!' }, ASKS],
    ['an out-of-office asking to call', { headers: ooo, newText: 'Please call my office.' }, ASKS],
    ['a no-reply notification', { from: 'noreply@shop.example', newText: 'Reply with your rating' }, ASKS],
    ['a second "any news?" from the same asker', inThread, ASKS],
  ])('no item from %s', (_name, spec, extraction) => {
    const askedAlready = item({ id: 3, kind: 'asked-of-you', threadId: 'T', counterparties: [addr(BOB)] });
    expect(receive(spec, extraction, [askedAlready]).newItems).toEqual([]);
  });

  const undatedOoo = { ...inThread, headers: ooo, newText: 'I am away.' };
  const datedOoo = { ...inThread, headers: ooo, newText: 'Back on 5/22.' };
  it.each<[string, MessageSpec, TrackedItem]>([
    ["Bob's out-of-office without a date", undatedOoo, waitingOnBob],
    ['Carol, who was not asked', { ...inThread, from: CAROL }, waitingOnBob],
    ['Bob in another thread', {}, waitingOnBob],
    ["Bob's out-of-office when Carol may answer", datedOoo, waitingOnBoth()],
  ])('no update from %s', (_name, spec, open) => {
    expect(receive(spec, NOTHING, [open]).updates).toEqual([]);
  });
});

function waitingOnBoth(): TrackedItem {
  return { ...waitingOnBob, counterparties: [addr(BOB), addr(CAROL)] };
}
