// Impossible dates against a real Dovecot: "by the 31st" in a November mail, a Date: in year 9999, and a day
// that does not exist left in the store by an older followthru once made every digest fail ("not a YYYY-MM-DD
// day"). Now each is a real day (or no date), and the digest is composed, printed and delivered with every item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeFromStore, sendDigest } from '../../src/digest/deliver.js';
import { renderText } from '../../src/digest/render-text.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { insertItem, listItems, saveMessage } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { recordFault } from './report.js';

/** Thu 26 Nov 2026, 08:00 in Chicago: the 30th is coming up. */
const NOW = new Date('2026-11-26T14:00:00Z');
const DANA = 'Dana <dana@northwind.example>';
const sent = (n: number, date: string, body: string) =>
  rawMail({
    from: DANA,
    to: `Client ${n} <c${n}@x.example>`,
    subject: `Deal ${n}`,
    id: `deal-${n}@northwind.example`,
    date,
    body,
  });

describe('impossible dates never stop the digest (real Dovecot)', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot);
  });
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('the 31st of November, a mail from year 9999 and a stored 2026-11-31: all in the digest, which is delivered', async () => {
    await session.append('Sent', sent(1, 'Fri, 20 Nov 2026 09:00:00 -0600', "I'll send you the contract by the 31st."));
    await session.append('Sent', sent(2, 'Fri, 31 Dec 9999 09:00:00 -0600', "I'll send you the invoice by Friday."));
    await session.append('Sent', sent(3, 'Wed, 18 Nov 2026 09:00:00 -0600', "I'll call you on Thursday."));
    // What an older followthru left in the store: the same promise, its day stored as it was read then.
    await saveMessage(t.app.store, {
      id: 'old@northwind.example',
      messageId: 'old@northwind.example',
      threadId: 'old@northwind.example',
      folder: 'Sent',
      direction: 'sent',
      from: [{ name: 'Dana', address: 'dana@northwind.example' }],
      to: [{ name: 'Ann', address: 'ann@x.example' }],
      cc: [],
      subject: 'Old',
      sentAt: '2026-11-19T15:00:00.000Z',
      inReplyTo: null,
      references: [],
      attachments: [],
      seenAt: '2026-11-19T15:00:00.000Z',
    });
    await insertItem(t.app.store, {
      kind: 'promise',
      status: 'open',
      text: "I'll send the lease by the 31st.",
      action: 'send the lease',
      due: { date: '2026-11-31', at: null, text: 'by the 31st' },
      counterparties: [{ name: 'Ann', address: 'ann@x.example' }],
      messageId: 'old@northwind.example',
      threadId: 'old@northwind.example',
      subject: 'Old',
      sentAt: '2026-11-19T15:00:00.000Z',
      rule: 'i-will',
      confidence: 0.9,
      evidence: null,
      snoozedUntil: null,
      nudges: 0,
      clockStartedAt: '2026-11-19T15:00:00.000Z',
      rejectedEvidence: [],
    });

    await syncOnce(t.app, session, NOW);
    const dues = Object.fromEntries(
      (await listItems(t.app.store, { kind: 'promise' })).map((i) => [i.text, i.due?.date ?? null]),
    );
    expect(dues).toEqual({
      "I'll send the lease by the 31st.": '2026-11-30',
      "I'll send you the contract by the 31st.": '2026-11-30',
      // Year 9999 is not believed: the mail is undated, read from when followthru first saw it.
      "I'll send you the invoice by Friday.": '2026-11-27',
      "I'll call you on Thursday.": '2026-11-19',
    });
    const crashes: unknown[] = [];
    const digest = await composeFromStore(t.app, NOW, false).catch((e: unknown) => void crashes.push(e));
    const text = digest ? renderText(digest) : '';
    const outcome = await sendDigest(t.app, NOW).catch((e: unknown) => void crashes.push(e));
    const shown = Object.keys(dues).filter((line) => text.includes(line));
    recordFault({
      fault: 'impossible date (31 Nov, year 9999, stored 2026-11-31)',
      injected: 3,
      expected: 4,
      found: shown.length,
      duplicates: Object.keys(dues).filter((line) => text.split(line).length > 2).length,
      crashes: crashes.length,
    });
    expect(crashes).toEqual([]);
    expect(shown).toHaveLength(4);
    expect(text).toContain('Mon 30 Nov');
    expect(outcome).toBe('sent');
    expect((await session.status('INBOX')).messages).toBe(1);
  }, 120_000);
});
