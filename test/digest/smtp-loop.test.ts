// The whole loop with SMTP delivery: the digest goes out through a real SMTP server on loopback, the owner
// answers "done 1" (the reply lands in the test Dovecot's INBOX), sync applies it and a confirmation goes out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest, sendOutbox } from '../../src/digest/deliver.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T15:00:00Z');

describe('digest by SMTP, reply, confirmation; BCC tracking with a tag', () => {
  let dovecot: Dovecot;
  let smtp: TestSmtp;
  let session: ImapSession;
  let t: TestApp;

  beforeAll(async () => {
    dovecot = await startDovecot();
    smtp = await startSmtp();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot, {
      digest: { deliver: 'smtp' },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
      trackAddress: 'dana+followthru@northwind.example',
    });
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Quote',
        id: 's1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
    await syncOnce(t.app, session, NOW);
  });
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await smtp?.stop();
    await dovecot?.stop();
  });

  it('sends the digest through SMTP with its headers', async () => {
    expect(await sendDigest(t.app, NOW)).toBe('sent');
    const mail = smtp.received.at(-1);
    expect(mail?.to).toEqual([dovecot.user]);
    expect(mail?.raw).toMatch(/X-Followthru-Digest: [0-9a-z]+x[0-9a-f]{24}/);
    expect(mail?.raw).toContain('Overdue');
  });

  it('a forged token or "done" only in the quoted digest changes nothing and draws no answer', async () => {
    const before = smtp.received.length;
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: digest',
        id: 'f1@northwind.example',
        inReplyTo: 'followthru.1x0123456789abcdef01234567@northwind.example',
        date: 'Mon, 16 Nov 2026 08:00:00 -0600',
        body: 'done 1',
      }),
    );
    const id = (await digestForDay(t.app.store, '2026-11-16'))?.messageId ?? '';
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: digest',
        id: 'f2@northwind.example',
        inReplyTo: id,
        date: 'Mon, 16 Nov 2026 08:01:00 -0600',
        body: 'Thanks!\n\nOn Mon, Nov 16, 2026 followthru wrote:\n> done 1   you did it',
      }),
    );
    await syncOnce(t.app, session, LATER);
    await sendOutbox(t.app, LATER);
    expect((await listItems(t.app.store, { kind: 'promise' }))[0]?.status).toBe('open');
    expect(
      smtp.received.slice(before).filter((m) => /done 1/.test(m.raw) && /applied|read your reply/.test(m.raw)),
    ).toHaveLength(0);
  });

  it('obeys "done 1" from the owner and confirms it once', async () => {
    const id = (await digestForDay(t.app.store, '2026-11-16'))?.messageId ?? '';
    const before = smtp.received.length;
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: followthru: 1 overdue',
        id: 'd1@northwind.example',
        inReplyTo: id,
        date: 'Mon, 16 Nov 2026 08:10:00 -0600',
        body: 'done 1\nfinish 9',
      }),
    );
    await syncOnce(t.app, session, LATER);
    await sendOutbox(t.app, LATER);
    expect((await listItems(t.app.store, { kind: 'promise' }))[0]?.status).toBe('done');
    const confirmations = smtp.received.slice(before);
    expect(confirmations).toHaveLength(1);
    const text = (confirmations[0]?.raw ?? '').replace(/=\r?\n/g, ''); // quoted-printable soft breaks
    expect(text).toContain('done 1: "I\'ll send you the revised quote by Friday."');
    expect(text).toContain('not understood: "finish 9"');
    expect(text).toMatch(/In-Reply-To: <d1@northwind\.example>/);
    // The confirmation coming back through INBOX is our own mail: skipped.
    await syncOnce(t.app, session, LATER);
    expect(await sendOutbox(t.app, LATER)).toBe(0);
  });

  it("a mail Bcc'd to the track address with a tag is tracked, sleeping until the tag's day", async () => {
    const raw = Buffer.from(
      `From: ${DANA}\r\nTo: Lee <lee@x.example>\r\nBcc: dana+followthru-fri@northwind.example\r\nSubject: Contract\r\nDate: Mon, 16 Nov 2026 09:00:00 -0600\r\nMessage-ID: <b1@northwind.example>\r\n\r\nHere is the contract.\r\n`,
    );
    await session.append('Sent', raw);
    await syncOnce(t.app, session, LATER);
    const tracked = (await listItems(t.app.store, { kind: 'awaiting-reply' })).find(
      (i) => i.messageId === 'b1@northwind.example',
    );
    expect(tracked).toMatchObject({
      status: 'snoozed',
      rule: 'track-address',
      due: { date: '2026-11-20', text: 'fri' },
      snoozedUntil: '2026-11-20T14:00:00.000Z',
    });
    expect(tracked?.counterparties.map((a) => a.address)).toEqual(['lee@x.example']);
    const before = smtp.received.length;
    expect(await sendOutbox(t.app, LATER)).toBe(1);
    const echo = (smtp.received[before]?.raw ?? '').replace(/=\r?\n/g, '');
    expect(echo).toContain('Subject: Tracking: Contract');
    expect(echo).toContain("You asked to follow up 'fri': 2026-11-20.");
  });
});
