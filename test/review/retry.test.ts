// The weekly review is retried like the digest (SMTP 451, real smtp-server, real Dovecot), on its own row: the
// retry timer sees the failed review, the daily digest's state is untouched, and the review arrives once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestRetryDelay, sendDigest } from '../../src/digest/deliver.js';
import { WEEKLY_REVIEW } from '../../src/review/send.js';
import { digestForDay, listDigestAttempts } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp } from '../support/app.js';
import { type MailWorld, startMailWorld } from '../support/mail-world.js';
import type { TestSmtp } from '../support/smtp.js';

const FRI = new Date('2026-11-20T22:00:00Z');
const LATER = new Date('2026-11-20T22:30:00Z');

describe('a weekly review refused for now', () => {
  let world: MailWorld;
  let smtp: TestSmtp;
  let t: TestApp;

  beforeAll(async () => {
    world = await startMailWorld({}, (n) => (n === 0 ? { code: 451, text: '4.3.0 try again later' } : null));
    ({ smtp, t } = world);
    await world.session.append(
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
    await syncOnce(t.app, world.session, FRI);
  }, 120_000);
  afterAll(() => world?.stop());

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
