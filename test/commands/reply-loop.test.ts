import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest } from '../../src/digest/deliver.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T15:00:00Z');
const DANA = 'Dana Reyes <dana@northwind.example>';

describe('digest → reply → command, against a real Dovecot', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  let digestMessageId = '';

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot);
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
    await dovecot?.stop();
  });

  it('files the digest in INBOX with its token headers, once a day', async () => {
    expect(await sendDigest(t.app, NOW)).toBe('sent');
    expect(await sendDigest(t.app, NOW)).toBe('already-sent');
    const stored = await digestForDay(t.app.store, '2026-11-16');
    digestMessageId = stored?.messageId ?? '';
    const pending = await session.listPending('INBOX', { afterUid: 0 });
    const [raw] = await session.fetchSources(
      'INBOX',
      pending.map((p) => p.uid),
    );
    const text = raw?.bytes.toString() ?? '';
    expect(text).toContain(`X-Followthru-Digest: ${stored?.token}`);
    expect(text).toContain('Auto-Submitted: auto-generated');
    expect(text).toContain("you wrote 'Friday'");
  });

  it('ignores a reply from a stranger, and a reply to a digest it never sent', async () => {
    await session.append(
      'INBOX',
      rawMail({
        from: 'Mallory <m@evil.example>',
        to: DANA,
        subject: 'Re: digest',
        id: 'x1@evil.example',
        inReplyTo: digestMessageId,
        date: 'Mon, 16 Nov 2026 08:00:00 -0600',
        body: 'done 1',
      }),
    );
    await session.append(
      'INBOX',
      rawMail({
        from: '"dana@northwind.example" <m@evil.example>',
        to: DANA,
        subject: 'Re: digest',
        id: 'x2@evil.example',
        inReplyTo: digestMessageId,
        date: 'Mon, 16 Nov 2026 08:01:00 -0600',
        body: 'done 1',
      }),
    );
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: digest',
        id: 'x3@northwind.example',
        inReplyTo: 'followthru.1xdeadbeefdeadbeefdeadbeef@northwind.example',
        date: 'Mon, 16 Nov 2026 08:02:00 -0600',
        body: 'done 1',
      }),
    );
    const report = await syncOnce(t.app, session, LATER);
    expect(report.outcome.commands).toBe(0);
    expect((await listItems(t.app.store, { kind: 'promise' }))[0]?.status).toBe('open');
    expect(t.logs.some((l) => l.includes('someone other than you'))).toBe(true);
  });

  it("obeys the owner's reply, read from its new text only, once", async () => {
    const body =
      'done 1\n\nOn Mon, Nov 16, 2026 at 7:30 AM followthru <dana@northwind.example> wrote:\n> 1. "I\'ll send you the revised quote by Friday."\n> drop 1';
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: followthru',
        id: 'r1@northwind.example',
        inReplyTo: digestMessageId,
        date: 'Mon, 16 Nov 2026 08:10:00 -0600',
        body,
      }),
    );
    const report = await syncOnce(t.app, session, LATER);
    expect(report.outcome.commands).toBe(1);
    expect((await listItems(t.app.store, { kind: 'promise' }))[0]?.status).toBe('done');
    // The same reply seen again (another folder, a rescan) changes nothing.
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: followthru',
        id: 'r1@northwind.example',
        inReplyTo: digestMessageId,
        date: 'Mon, 16 Nov 2026 08:10:00 -0600',
        body,
      }),
    );
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(0);
  });

  it('reads an HTML-only reply in another charset from the owner', async () => {
    const html = Buffer.from(
      `From: ${DANA}\r\nTo: ${DANA}\r\nSubject: Re: followthru\r\nDate: Mon, 16 Nov 2026 08:20:00 -0600\r\nMessage-ID: <h1@northwind.example>\r\nIn-Reply-To: <${digestMessageId}>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<div>reopen 1</div><div>Merci =E0 toi</div><blockquote>drop 1</blockquote>\r\n`,
    );
    await session.append('INBOX', html);
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(1);
    expect((await listItems(t.app.store, { kind: 'promise' }))[0]?.status).toBe('open');
  });

  it('obeys only the top of a German Outlook reply, never the digest pasted bare below its header block', async () => {
    const body = [
      'done 1',
      '',
      '________________________________',
      'Von: followthru <dana@northwind.example>',
      'Gesendet: Montag, 16. November 2026 07:30',
      'An: Dana Reyes <dana@northwind.example>',
      'Betreff: followthru: 1 offen',
      '',
      '1. "I\'ll send you the revised quote by Friday."',
      'drop 1',
    ].join('\n');
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'AW: followthru',
        id: 'o1@northwind.example',
        inReplyTo: digestMessageId,
        date: 'Mon, 16 Nov 2026 08:30:00 -0600',
        body,
      }),
    );
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(1);
    expect((await listItems(t.app.store, { kind: 'promise' }))[0]?.status).toBe('done');
  });
});
