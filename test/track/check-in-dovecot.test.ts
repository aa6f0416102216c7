// The thank-you after the deal, end to end against the real test Dovecot and a real SMTP server: "the contract
// is signed" in a mail in Sent makes a check-in item for the customer due 14 days after the mail's own day; the
// digest of the next morning leaves it out, and the digest of that day does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest } from '../../src/digest/deliver.js';
import { parseMessage } from '../../src/parse/mailparser.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const SIGNED_AT = 'Mon, 2 Nov 2026 10:00:00 -0600';
const NEXT_DAY = new Date('2026-11-03T13:30:00Z');
const DUE_MORNING = new Date('2026-11-16T13:30:00Z');

describe('a check-in after "the contract is signed", over IMAP', () => {
  let dovecot: Dovecot;
  let smtp: TestSmtp;
  let session: ImapSession;
  let t: TestApp;

  const digestText = async (day: string) => {
    const stored = await digestForDay(t.app.store, day);
    const raw = smtp.received.find((m) => m.raw.includes(`<${stored?.messageId ?? '?'}>`))?.raw ?? '';
    return (await parseMessage({ origin: 'test', mailbox: 'INBOX', bytes: Buffer.from(raw) })).text;
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    smtp = await startSmtp();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot, {
      digest: { deliver: 'smtp', quiet: false },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
    });
    await session.append(
      'Sent',
      rawMail({
        from: 'Dana Reyes <dana@northwind.example>',
        to: 'Lee Wong <lee@wongbakery.example>',
        subject: 'Wong Bakery install',
        id: 'signed@northwind.example',
        date: SIGNED_AT,
        body: 'Hi Lee,\n\nThe contract is signed. Welcome aboard!\n\nDana',
      }),
    );
    await syncOnce(t.app, session, NEXT_DAY);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await smtp?.stop();
    await dovecot?.stop();
  });

  it('makes one check-in item for the customer, due 14 days after the mail', async () => {
    const checkIns = (await listItems(t.app.store)).filter((i) => i.rule.startsWith('check-in:'));
    expect(checkIns).toHaveLength(1);
    expect(checkIns[0]?.due?.date).toBe('2026-11-16');
    expect(checkIns[0]?.status).toBe('open');
    expect(checkIns[0]?.counterparties.map((a) => a.address)).toEqual(['lee@wongbakery.example']);
  });

  it('is left out of the next morning digest, and is due in the digest of its day', async () => {
    await sendDigest(t.app, NEXT_DAY);
    const early = await digestText('2026-11-03');
    expect(early).toContain('Reply to this mail with one command per line'); // the digest went out …
    expect(early).not.toContain('Lee Wong'); // … and a check-in two weeks off is not in it yet
    await syncOnce(t.app, session, DUE_MORNING);
    await sendDigest(t.app, DUE_MORNING);
    const due = await digestText('2026-11-16');
    expect(due).toMatch(/DUE TODAY \(\d+\)\n\n\d+\. "Check in with Lee Wong: The contract is signed\./);
    for (const mail of smtp.received) expect(mail.to).toEqual([dovecot.user]);
  });
});
