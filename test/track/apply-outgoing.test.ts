import { describe, expect, it } from 'vitest';
import { type TrackContext, trackMessage } from '../../src/track/apply.js';
import type { Extraction, TrackedItem } from '../../src/types.js';
import { addr, BOB, CAROL, commitment, item, ME, type MessageSpec, message, NOW, ZONE } from './factory.js';

const TRACK = 'track@followthru.example';
const CTX: TrackContext = { me: ME, now: NOW, timeZone: ZONE, holidays: [], trackAddress: TRACK };
const NOTHING: Extraction = { commitments: [], expectsReply: false };
const ASKS: Extraction = { commitments: [], expectsReply: true };
/** Earlier mails of the thread "T" the store knows about. */
const threadOf = (key: string) => (key === 'parent@test' ? 'T' : undefined);

function send(spec: MessageSpec, extraction: Extraction | null = NOTHING, openItems: TrackedItem[] = []) {
  const mail = message({ from: 'ann@example.com', to: [BOB], subject: 'Brochure', ...spec });
  return trackMessage({ openItems, threadOf }, mail, extraction, CTX);
}
const inThread = { inReplyTo: 'parent@test', references: ['parent@test'] };

describe('a mail from the user creates items', () => {
  it('makes each commitment a promise to its counterparties', () => {
    const extraction = {
      commitments: [commitment('send the brochure'), commitment('call you Monday')],
      expectsReply: false,
    };
    const { newItems } = send({ id: 'out@test', date: '2026-05-13T15:00:00Z' }, extraction);
    expect(newItems.map((i) => [i.kind, i.action, i.status])).toEqual([
      ['promise', 'send the brochure', 'open'],
      ['promise', 'call you Monday', 'open'],
    ]);
    expect(newItems[0]).toMatchObject({
      messageId: 'out@test',
      threadId: 'out@test',
      counterparties: [addr(BOB)],
    });
    expect(newItems[0]).toMatchObject({
      sentAt: '2026-05-13T15:00:00.000Z',
      clockStartedAt: '2026-05-13T15:00:00.000Z',
    });
  });

  it('falls back to the recipients when a commitment names only the user', () => {
    const toMe = commitment('send the brochure', { counterparties: [addr('ann@example.com')] });
    const { newItems } = send({ to: [CAROL] }, { commitments: [toMe], expectsReply: false });
    expect(newItems[0]?.counterparties).toEqual([addr(CAROL)]);
  });

  it.each<[string, MessageSpec, Extraction, string]>([
    ['it asks something', { cc: [CAROL, 'ann.lee@work.example'] }, ASKS, 'expects-reply'],
    ['the track address is in Bcc', { cc: [CAROL], bcc: [TRACK] }, NOTHING, 'track-address'],
  ])('waits for a reply when %s', (_name, spec, extraction, rule) => {
    const { newItems } = send(spec, extraction);
    expect(newItems).toHaveLength(1);
    expect(newItems[0]).toMatchObject({ kind: 'awaiting-reply', text: 'Brochure', rule });
    expect(newItems[0]?.counterparties).toEqual([addr(BOB), addr(CAROL)]);
  });

  it.each<[string, MessageSpec, Extraction | null]>([
    ['it asks nothing', {}, NOTHING],
    ['there is no extraction', {}, null],
    ['it goes only to the user', { to: ['ann+todo@example.com'] }, ASKS],
    ['the thread already waits for a reply (a nudge)', inThread, ASKS],
  ])('does not wait for a reply when %s', (_name, spec, extraction) => {
    const open = [item({ id: 4, kind: 'awaiting-reply', threadId: 'T', messageId: 'parent@test' })];
    expect(send(spec, extraction, open).newItems.filter((i) => i.kind === 'awaiting-reply')).toEqual([]);
  });
});

describe('a mail from the user moves open items', () => {
  const brochure = item({ id: 7 });
  const waitingInT = item({
    id: 8,
    kind: 'awaiting-reply',
    threadId: 'T',
    messageId: 'parent@test',
    action: 'reply',
  });
  const askedInT = item({
    id: 9,
    kind: 'asked-of-you',
    threadId: 'T',
    messageId: 'parent@test',
    action: 'reply',
  });

  it.each<[string, TrackedItem, MessageSpec, Partial<TrackedItem>, string]>([
    ['keeps a promise', brochure, { attachments: ['Brochure-2026.pdf'] }, { status: 'kept' }, 'kept'],
    ['nudges a waiting thread', waitingInT, inThread, { status: 'open', nudges: 1 }, 'nudge 1'],
    ['answers a question put to the user', askedInT, inThread, { status: 'answered' }, 'you replied'],
  ])('%s', (_name, open, spec, expected, reason) => {
    const { updates } = send(spec, NOTHING, [open]);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.id).toBe(open.id);
    expect(updates[0]?.item).toMatchObject({ ...expected, updatedAt: NOW.toISOString() });
    expect(updates[0]?.reason).toContain(reason);
  });

  it.each<[string, TrackedItem, MessageSpec]>([
    ['an unrelated attachment', brochure, { attachments: ['Invoice-4411.pdf'] }],
    ['a mail in another thread', waitingInT, {}],
    ['a mail in another thread', askedInT, {}],
    ['an item that is already kept', { ...brochure, status: 'kept' }, { attachments: ['Brochure.pdf'] }],
  ])('leaves an item alone for %s', (_name, open, spec) => {
    expect(send(spec, NOTHING, [open]).updates).toEqual([]);
  });
});
