// "The contract is signed" in a sent mail, through ingest into a real SQLite store: a check-in item due 14 days
// after the mail's own day (in the user's zone), for the person it went to; a mail they send saying so makes none.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { type IngestContext, ingestBatch } from '../../src/ingest/batch.js';
import { createLogger } from '../../src/log.js';
import { listItems } from '../../src/store/index.js';
import { tempStore } from '../store/helpers.js';
import { rawMail } from '../support/app.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const LEE = 'Lee Wong <lee@x.example>';
const ctx: IngestContext = {
  me: ['dana@northwind.example'],
  now: new Date('2026-11-16T16:00:00Z'),
  timeZone: 'America/Chicago',
  holidays: [],
  trackAddress: null,
};

describe('check-in after a deal, through ingest and the store', () => {
  it('a "contract is signed" mail makes a check-in item due 14 days later', async () => {
    const { store } = await tempStore();
    const deps = { store, extractor: createExtractor(), log: createLogger({ level: 'silent' }) };
    await ingestBatch(deps, ctx, [
      {
        origin: 'test:1',
        mailbox: 'Sent',
        uid: 1,
        uidValidity: '1',
        bytes: rawMail({
          from: DANA,
          to: LEE,
          subject: 'Install',
          id: 'c1@n',
          date: 'Mon, 9 Nov 2026 18:30:00 -0600',
          body: 'Hi Lee,\n\nThe contract is signed. Welcome aboard!\n\nDana',
        }),
      },
      {
        origin: 'test:2',
        mailbox: 'INBOX',
        uid: 2,
        uidValidity: '1',
        bytes: rawMail({
          from: LEE,
          to: DANA,
          subject: 'Other',
          id: 'c2@x',
          date: 'Tue, 10 Nov 2026 09:00:00 -0600',
          body: 'The contract is signed on our side.',
        }),
      },
    ]);
    const checkIns = (await listItems(store)).filter((i) => i.rule.startsWith('check-in:'));
    expect(checkIns).toHaveLength(1);
    // 18:30 CST on Mon 9 Nov is already the 10th in UTC: the day is the user's, so due the 23rd.
    expect(checkIns[0]?.due?.date).toBe('2026-11-23');
    expect(checkIns[0]?.status).toBe('open');
    expect(checkIns[0]?.counterparties.map((a) => a.address)).toEqual(['lee@x.example']);
  });
});
