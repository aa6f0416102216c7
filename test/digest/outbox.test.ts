// Confirmations of replies are queued in the store with the changes they confirm: a kill -9 right after the commit
// does not lose them, a try that already arrived is not repeated, a refused one is tried again next round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../src/app.js';
import { sendDigest, sendOutbox } from '../../src/digest/deliver.js';
import { createLogger } from '../../src/log.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listOutbox, queueConfirmations } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { startSmtp } from '../support/smtp.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T15:00:00Z');
const DANA = 'Dana Reyes <dana@northwind.example>';

describe('the confirmation outbox', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Quote',
        id: 'o1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
  });
  afterAll(async () => {
    await session?.close();
    await dovecot?.stop();
  });
  // A fresh connection each time: a session that has INBOX open may not see what another connection filed.
  const confirmationsInInbox = async () => {
    const look = await openImap(imapOptionsOf(dovecot));
    try {
      const pending = await look.listPending('INBOX', { afterUid: 0 });
      const raws = await look.fetchSources(
        'INBOX',
        pending.map((p) => p.uid),
      );
      return raws.filter((r) => /^message-id: <followthru-confirm\./im.test(r.bytes.toString())).length;
    } finally {
      await look.close();
    }
  };

  it('a confirmation committed just before a kill -9 is sent by the next start, once', async () => {
    const t = await testApp(dovecot);
    try {
      await syncOnce(t.app, session, NOW);
      expect(await sendDigest(t.app, NOW)).toBe('sent');
      const digestId = (await digestForDay(t.app.store, '2026-11-16'))?.messageId ?? '';
      await session.append(
        'INBOX',
        rawMail({
          from: DANA,
          to: DANA,
          subject: 'Re: followthru',
          id: 'oreply1@northwind.example',
          inReplyTo: digestId,
          date: 'Mon, 16 Nov 2026 08:10:00 -0600',
          body: 'done 1',
        }),
      );
      expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(1);
      await t.app.close(); // the process dies here: the commit is done, the confirmation not yet sent
      const restarted = await openApp(t.config, { log: createLogger({ level: 'silent' }) });
      try {
        expect(await sendOutbox(restarted, LATER)).toBe(1);
        expect(await sendOutbox(restarted, LATER)).toBe(0);
        expect(await confirmationsInInbox()).toBe(1);
      } finally {
        await restarted.close();
      }
    } finally {
      await t.cleanup();
    }
  });

  it('a try cut short after the mail arrived (IMAP) is found in the inbox, not filed again', async () => {
    const t = await testApp(dovecot);
    try {
      await queueConfirmations(
        t.app.store,
        [{ subject: 'Re: followthru', text: 'followthru read your reply', inReplyTo: null }],
        NOW,
      );
      const [queued] = await listOutbox(t.app.store);
      await t.app.store.run('UPDATE outbox SET started_at = ?, attempts = 1', [NOW.toISOString()]);
      await session.append(
        'INBOX',
        rawMail({
          from: DANA,
          to: DANA,
          subject: 'Re: followthru',
          id: `followthru-confirm.${queued?.key}@northwind.example`,
          date: 'Mon, 16 Nov 2026 08:11:00 -0600',
          body: 'followthru read your reply',
          headers: { 'X-Followthru-Digest': 'confirmation' },
        }),
      );
      const before = await confirmationsInInbox();
      expect(await sendOutbox(t.app, LATER)).toBe(0);
      expect(await confirmationsInInbox()).toBe(before);
      expect(await listOutbox(t.app.store)).toEqual([]);
    } finally {
      await t.cleanup();
    }
  });

  it('an SMTP 451 keeps it queued, and the next round sends it once', async () => {
    const smtp = await startSmtp({
      reply: (n) => (n === 0 ? { code: 451, text: '4.3.0 Requested action aborted: local error in processing' } : null),
    });
    const t = await testApp(dovecot, {
      digest: { deliver: 'smtp' },
      smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
    });
    try {
      await queueConfirmations(
        t.app.store,
        [{ subject: 'Re: followthru', text: 'followthru read your reply', inReplyTo: null }],
        NOW,
      );
      expect(await sendOutbox(t.app, LATER)).toBe(0);
      expect(await listOutbox(t.app.store)).toHaveLength(1);
      expect(await sendOutbox(t.app, LATER)).toBe(1);
      expect(await sendOutbox(t.app, LATER)).toBe(0);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await t.cleanup();
      await smtp.stop();
    }
  });
});
