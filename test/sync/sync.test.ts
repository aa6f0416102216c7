import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openImap, type ImapSession } from '../../src/source/imap.js';
import { getCursor, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const DANA = 'Dana Reyes <dana@northwind.example>';
const PRIYA = 'Priya Shah <priya@harbor.example>';

describe('sync against a real Dovecot', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot);
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: PRIYA,
        subject: 'Quote',
        id: 's1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "Hi Priya,\n\nI'll send you the revised quote by Friday.\n\nDana",
      }),
    );
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Lee Wong <lee@x.example>',
        subject: 'Site visit',
        id: 's2@northwind.example',
        date: 'Wed, 11 Nov 2026 09:00:00 -0600',
        body: 'Hi Lee,\n\nDoes Thursday work for a site visit?\n\nDana',
      }),
    );
    await session.append(
      'INBOX',
      rawMail({
        from: 'Lee Wong <lee@x.example>',
        to: DANA,
        subject: 'Re: Site visit',
        id: 'r1@x.example',
        inReplyTo: 's2@northwind.example',
        date: 'Wed, 11 Nov 2026 15:00:00 -0600',
        body: 'Thursday works.\n\nOn Wed, Dana wrote:\n> Does Thursday work for a site visit?',
      }),
    );
  });
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('backfills Sent and INBOX: a promise with its due date, and the question already answered', async () => {
    const report = await syncOnce(t.app, session, NOW);
    expect(report.folders).toEqual([
      { folder: 'Sent', plan: 'backfill', pending: 2 },
      { folder: 'INBOX', plan: 'backfill', pending: 1 },
    ]);
    const items = await listItems(t.app.store);
    const promise = items.find((i) => i.kind === 'promise');
    expect(promise).toMatchObject({ status: 'open', due: { date: '2026-11-13', text: 'Friday' } });
    expect(items.find((i) => i.kind === 'awaiting-reply')).toMatchObject({ status: 'answered' });
    expect((await getCursor(t.app.store, 'Sent'))?.lastUid).toBe(2);
  });

  it('a second round finds nothing new and doubles nothing', async () => {
    const before = await listItems(t.app.store);
    const report = await syncOnce(t.app, session, NOW);
    expect(report.outcome.messages).toBe(0);
    expect(report.folders.map((f) => f.plan)).toEqual(['up-to-date', 'up-to-date']);
    expect(await listItems(t.app.store)).toEqual(before);
  });

  it('picks up new mail incrementally, and a sent attachment keeps the promise', async () => {
    const withAttachment = Buffer.from(
      `From: ${DANA}\r\nTo: ${PRIYA}\r\nSubject: Revised quote\r\nDate: Thu, 12 Nov 2026 10:00:00 -0600\r\nMessage-ID: <s3@northwind.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\nHere is the revised quote.\r\n--B\r\nContent-Type: application/pdf; name=Quote-rev2.pdf\r\nContent-Disposition: attachment; filename=Quote-rev2.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--B--\r\n`,
    );
    await session.append('Sent', withAttachment);
    const report = await syncOnce(t.app, session, NOW);
    expect(report.folders[0]).toEqual({ folder: 'Sent', plan: 'incremental', pending: 1 });
    const promise = (await listItems(t.app.store)).find((i) => i.kind === 'promise');
    expect(promise).toMatchObject({ status: 'kept', evidence: { attachment: 'Quote-rev2.pdf' } });
  });

  it('the same mail saved again under a new UID is recognised, not doubled', async () => {
    const before = await listItems(t.app.store);
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: PRIYA,
        subject: 'Quote',
        id: 's1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "Hi Priya,\n\nI'll send you the revised quote by Friday.\n\nDana",
      }),
    );
    const report = await syncOnce(t.app, session, NOW);
    expect(report.outcome).toMatchObject({ messages: 0, duplicates: 1, created: 0 });
    expect(await listItems(t.app.store)).toEqual(before);
  });

  it('a UIDVALIDITY change rescans once and doubles nothing', async () => {
    const before = (await listItems(t.app.store)).length;
    await dovecot.doveadm('mailbox', 'update', '-u', dovecot.user, '--uid-validity', '4242', 'Sent');
    // A server announces a new UIDVALIDITY to the next session that opens the folder.
    await session.close();
    session = await openImap(imapOptionsOf(dovecot));
    const report = await syncOnce(t.app, session, NOW);
    expect(report.folders[0]?.plan).toBe('reset');
    expect(report.outcome.duplicates).toBe(4);
    expect(await listItems(t.app.store)).toHaveLength(before);
    expect(await getCursor(t.app.store, 'Sent')).toMatchObject({ uidValidity: '4242', resets: 1 });
    expect(t.logs.filter((l) => l.includes('UIDVALIDITY changed'))).toHaveLength(1);
  });
});
