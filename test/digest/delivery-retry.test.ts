// At least once, never twice, against a real SMTP server and a real Dovecot: a digest refused with 451 or by a
// refused login is retried the same day and arrives once; a try cut short by a crash is checked (IMAP) or resent
// (SMTP); one that arrived is never sent again.
import { utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_BACKOFF, digestRetryDelay, sendDigest } from '../../src/digest/deliver.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listDigestAttempts } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { type SmtpReply, startSmtp, type TestSmtp } from '../support/smtp.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T13:45:00Z');
const DAY = '2026-11-16';

describe('digest delivery: at least once, never twice', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  const apps: TestApp[] = [];
  const servers: TestSmtp[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Quote',
        id: 'q1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
  });
  afterEach(async () => {
    for (const t of apps.splice(0)) await t.cleanup();
    for (const s of servers.splice(0)) await s.stop();
  });
  afterAll(async () => {
    await session?.close();
    await dovecot?.stop();
  });

  async function appFor(deliver: 'smtp' | 'imap', reply?: SmtpReply): Promise<{ t: TestApp; smtp: TestSmtp }> {
    const smtp = await startSmtp({ reply });
    servers.push(smtp);
    const t = await testApp(dovecot, {
      digest: { deliver },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
    });
    apps.push(t);
    await syncOnce(t.app, session, NOW);
    return { t, smtp };
  }
  // Dovecot rereads its passwd-file when the mtime changes: give every version a new one, however fast we are.
  let version = 0;
  const setPassword = async (password: string) => {
    const users = join(dovecot.dir, 'users');
    await writeFile(users, `${dovecot.user}:{PLAIN}${password}\n`);
    const at = Math.floor(Date.now() / 1000) + ++version * 10;
    await utimes(users, at, at);
    // Then wait (bounded) until a login shows the server read it: its check of the file may lag behind us.
    const end = Date.now() + 20_000;
    for (;;) {
      const works = await openImap({ ...imapOptionsOf(dovecot), password }).then(
        (s) => s.close().then(() => true),
        () => false,
      );
      if (works) return;
      if (Date.now() > end) throw new Error('dovecot did not take the new password');
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const digestsInInbox = async (messageId: string) => {
    const check = await openImap(imapOptionsOf(dovecot));
    try {
      return (await check.hasMessageId('INBOX', `<${messageId}>`)) ? 1 : 0;
    } finally {
      await check.close();
    }
  };

  it('an SMTP 451 is recorded, retried with backoff the same day, and the digest arrives once', async () => {
    const { t, smtp } = await appFor('smtp', (n) =>
      n === 0 ? { code: 451, text: '4.3.0 Requested action aborted: local error in processing' } : null,
    );
    await expect(sendDigest(t.app, NOW)).rejects.toMatchObject({ code: 'ESMTP' });
    const stored = await digestForDay(t.app.store, DAY);
    expect(stored?.sentAt).toBeNull();
    const delay = await digestRetryDelay(t.app, NOW);
    expect(delay).toBeGreaterThan(0);
    expect(delay).toBeLessThanOrEqual(DIGEST_BACKOFF.maxMs ?? 0);
    expect(await sendDigest(t.app, LATER)).toBe('sent');
    expect(await sendDigest(t.app, LATER)).toBe('already-sent');
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.raw).toContain(`Message-ID: <${stored?.messageId}>`);
    const attempts = await listDigestAttempts(t.app.store, stored?.id ?? 0);
    expect(attempts.map((a) => [a.outcome, a.retryKind])).toEqual([
      ['failed', 'transient'],
      ['sent', null],
    ]);
    expect(attempts[0]?.error).toContain('451');
    expect(await digestRetryDelay(t.app, LATER)).toBeNull();
  });

  it('a 550 is not retried on a timer, but the next explicit try still sends it', async () => {
    const { t, smtp } = await appFor('smtp', (n) => (n === 0 ? { code: 550, text: '5.7.1 relaying denied' } : null));
    await expect(sendDigest(t.app, NOW)).rejects.toMatchObject({ code: 'ESMTP' });
    expect(await digestRetryDelay(t.app, NOW)).toBeNull();
    expect(await sendDigest(t.app, LATER)).toBe('sent');
    expect(smtp.received).toHaveLength(1);
  });

  it('a refused IMAP login is retried at the longest backoff and the digest is filed once the login works', async () => {
    const { t } = await appFor('imap');
    await setPassword('another-password');
    try {
      await expect(sendDigest(t.app, NOW)).rejects.toMatchObject({ code: 'EIMAP_AUTH' });
    } finally {
      await setPassword(dovecot.password);
    }
    expect(await digestRetryDelay(t.app, NOW)).toBe(DIGEST_BACKOFF.maxMs);
    expect(await sendDigest(t.app, LATER)).toBe('sent');
    const stored = await digestForDay(t.app.store, DAY);
    expect(await digestsInInbox(stored?.messageId ?? '')).toBe(1);
  });

  // The state a kill -9 leaves between APPEND and "mark sent": the row, its mail, a try still 'sending'.
  const crashMidSend = (t: TestApp, id: number) =>
    t.app.store.exec(
      `UPDATE digests SET sent_at = NULL WHERE id = ${id}; UPDATE digest_attempts SET outcome = 'sending', finished_at = NULL WHERE digest_id = ${id};`,
    );

  it('after a crash mid-send over IMAP, a digest that did arrive is found in the inbox and not filed again', async () => {
    const { t } = await appFor('imap');
    expect(await sendDigest(t.app, NOW)).toBe('sent');
    const stored = await digestForDay(t.app.store, DAY);
    await crashMidSend(t, stored?.id ?? 0);
    const before = (await session.status('INBOX')).messages;
    expect(await sendDigest(t.app, LATER)).toBe('found-delivered');
    expect((await session.status('INBOX')).messages).toBe(before);
    expect((await digestForDay(t.app.store, DAY))?.sentAt).not.toBeNull();
    expect(await sendDigest(t.app, LATER)).toBe('already-sent');
  });

  it('after a crash mid-send over IMAP before the mail arrived, the next start files it, with the same Message-ID', async () => {
    const { t, smtp } = await appFor('imap');
    await setPassword('another-password');
    await sendDigest(t.app, NOW).catch(() => undefined); // the row and a try, but nothing in the inbox
    await setPassword(dovecot.password);
    const stored = await digestForDay(t.app.store, DAY);
    await crashMidSend(t, stored?.id ?? 0);
    expect(await digestsInInbox(stored?.messageId ?? '')).toBe(0);
    expect(await sendDigest(t.app, LATER)).toBe('sent');
    expect(await digestsInInbox(stored?.messageId ?? '')).toBe(1);
    expect(smtp.received).toHaveLength(0);
  });

  it('after a crash mid-send over SMTP, the digest is sent again: a duplicate beats a missing digest', async () => {
    const { t, smtp } = await appFor('smtp');
    expect(await sendDigest(t.app, NOW)).toBe('sent');
    const stored = await digestForDay(t.app.store, DAY);
    await crashMidSend(t, stored?.id ?? 0);
    expect(await sendDigest(t.app, LATER)).toBe('sent');
    expect(smtp.received).toHaveLength(2);
    expect(new Set(smtp.received.map((m) => /^Message-ID: (.*)\r?$/im.exec(m.raw)?.[1]))).toEqual(
      new Set([`<${stored?.messageId}>`]),
    );
  });

  it('a clock one day ahead does not cost the next real day its digest', async () => {
    const { t, smtp } = await appFor('smtp');
    const tuesday = new Date('2026-11-17T13:30:00Z');
    expect(await sendDigest(t.app, tuesday)).toBe('sent'); // the clock says Tuesday; it is Monday
    // The clock is put right, still Monday: that digest went out today, so it counts as today's.
    expect(await sendDigest(t.app, LATER)).toBe('already-sent');
    expect(await digestForDay(t.app.store, '2026-11-17')).toBeNull();
    expect(t.logs.some((l) => l.includes('the clock was ahead'))).toBe(true);
    // The real Tuesday gets its own digest.
    expect(await sendDigest(t.app, tuesday)).toBe('sent');
    expect(smtp.received).toHaveLength(2);
  });
});
