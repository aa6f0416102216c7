// ingestBatch over a real SQLite file: what a mail is tracked against comes from indexed lookups of its thread and
// its people, within a batch and across batches, and the result does not depend on where batches are cut.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { type IngestContext, ingestBatch } from '../../src/ingest/batch.js';
import { createLogger } from '../../src/log.js';
import { listItems } from '../../src/store/index.js';
import type { RawMessage } from '../../src/types.js';
import { tempStore } from '../store/helpers.js';
import { rawMail } from '../support/app.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const LEE = 'Lee Wong <lee@x.example>';
const SAM = 'Sam Ito <sam@y.example>';
const extractor = createExtractor();
const ctx: IngestContext = {
  me: ['dana@northwind.example'],
  now: new Date('2026-11-16T16:00:00Z'),
  timeZone: 'America/Chicago',
  holidays: [],
  trackAddress: null,
};

const raw = (n: number, mail: Parameters<typeof rawMail>[0]): RawMessage => ({
  origin: `test:${n}`,
  mailbox: mail.from === DANA ? 'Sent' : 'INBOX',
  uid: n,
  uidValidity: '1',
  bytes: rawMail(mail),
});

const MAILS: RawMessage[] = [
  raw(1, {
    from: DANA,
    to: LEE,
    subject: 'Site visit',
    id: 'q1@n',
    date: 'Mon, 9 Nov 2026 10:00:00 -0600',
    body: 'Hi Lee,\n\nDoes Thursday work for a site visit?\n\nDana',
  }),
  raw(2, {
    from: DANA,
    to: SAM,
    subject: 'Quote',
    id: 'q2@n',
    date: 'Mon, 9 Nov 2026 11:00:00 -0600',
    body: 'Could you confirm the roof size?',
  }),
  raw(3, {
    from: SAM,
    to: DANA,
    subject: 'Other things',
    id: 's1@y',
    date: 'Tue, 10 Nov 2026 09:00:00 -0600',
    body: 'Hi Dana, could you send me the W-9 for our records?',
  }),
  raw(4, {
    from: LEE,
    to: DANA,
    subject: 'Re: Site visit',
    id: 'a1@x',
    inReplyTo: 'q1@n',
    date: 'Wed, 11 Nov 2026 09:00:00 -0600',
    body: 'Thursday is fine.',
  }),
  raw(5, {
    from: DANA,
    to: SAM,
    subject: 'Re: Other things',
    id: 'r1@n',
    inReplyTo: 's1@y',
    date: 'Wed, 11 Nov 2026 10:00:00 -0600',
    body: 'Sure, here it is.',
  }),
  raw(5, {
    from: DANA,
    to: SAM,
    subject: 'Re: Other things',
    id: 'r1@n',
    inReplyTo: 's1@y',
    date: 'Wed, 11 Nov 2026 10:00:00 -0600',
    body: 'Sure, here it is.',
  }),
];

async function ingestIn(batchSize: number) {
  const { store } = await tempStore();
  const deps = { store, extractor, log: createLogger({ level: 'silent' }) };
  const totals = { messages: 0, duplicates: 0 };
  for (let i = 0; i < MAILS.length; i += batchSize) {
    const outcome = await ingestBatch(deps, ctx, MAILS.slice(i, i + batchSize));
    totals.messages += outcome.messages;
    totals.duplicates += outcome.duplicates;
  }
  const items = (await listItems(store)).map((i) => ({
    kind: i.kind,
    status: i.status,
    messageId: i.messageId,
    evidence: i.evidence?.messageId ?? null,
  }));
  return { totals, items };
}

describe('ingestBatch', () => {
  it('answers the question by a reply in the same batch, and counts a repeated mail once', async () => {
    const { totals, items } = await ingestIn(MAILS.length);
    expect(totals).toEqual({ messages: 5, duplicates: 1 });
    expect(items).toContainEqual({ kind: 'awaiting-reply', status: 'answered', messageId: 'q1@n', evidence: 'a1@x' });
    expect(items).toContainEqual({ kind: 'awaiting-reply', status: 'open', messageId: 'q2@n', evidence: null });
    expect(items).toContainEqual({ kind: 'asked-of-you', status: 'answered', messageId: 's1@y', evidence: 'r1@n' });
  });

  it.each([1, 2, 4])('gives the same items when batches hold %i mail(s)', async (size) => {
    expect(await ingestIn(size)).toEqual(await ingestIn(MAILS.length));
  });
});
