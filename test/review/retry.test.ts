// The weekly review is retried like the digest (SMTP 451, real smtp-server, real Dovecot), on its own row: the
// retry timer sees the failed review, the daily digest's state is untouched, and the review arrives once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestRetryDelay, sendDigest } from '../../src/digest/deliver.js';
import { WEEKLY_REVIEW } from '../../src/review/send.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listDigestAttempts } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const FRI = new Date('2026-11-20T22:00:00Z');
const LATER = new Date('2026-11-20T22:30:00Z');

describe('a weekly review refused for now', () => {
  let dovecot: Dovecot;
  let smtp: TestSmtp;
  let session: ImapSession;
  let t: TestApp;

  beforeAll(async () => {
    dovecot = await startDovecot();
    smtp = await startSmtp({ reply: (n) => (n === 0 ? { code: 451, text: '4.3.0 try again later' } : null) });
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot, {
      digest: { deliver: 'smtp' },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
    });
    await session.append(
      'Sent',
      rawMail({
        from: 'Dana Reyes <dana@northwind.example>',
        to: 'Priya Shah <priya@harbor.example>',
        subject: 'Quote',
        id: 'q1@northwind.example',
        date: 'Wed, 18 Nov 2026 09:00:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
    await syncOnce(t.app, session, FRI);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await smtp?.stop();
    await dovecot?.stop();
  });

  it('is recorded, retried on its own timer, and arrives once', async () => {
    await expect(sendDigest(t.app, FRI, WEEKLY_REVIEW)).rejects.toMatchObject({ code: 'ESMTP' });
    expect(await digestRetryDelay(t.app, FRI, undefined, 'weekly')).toBeGreaterThan(0);
    expect(await digestRetryDelay(t.app, FRI)).toBeNull(); // the daily digest has nothing to retry
    expect(await sendDigest(t.app, LATER, WEEKLY_REVIEW)).toBe('sent');
    expect(await sendDigest(t.app, LATER, WEEKLY_REVIEW)).toBe('already-sent');
    expect(smtp.received).toHaveLength(1);
    const stored = await digestForDay(t.app.store, '2026-11-20', 'weekly');
    expect(smtp.received[0]?.raw).toContain(`Message-ID: <${stored?.messageId}>`);
    expect((await listDigestAttempts(t.app.store, stored?.id ?? 0)).map((a) => a.outcome)).toEqual(['failed', 'sent']);
    expect(await digestRetryDelay(t.app, LATER, undefined, 'weekly')).toBeNull();
  }, 60_000);
});
