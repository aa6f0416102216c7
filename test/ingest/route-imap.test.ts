// Routing against a real Dovecot (issue 10): a forged From: the user in INBOX plants no promise, a stranger's
// bare X-Followthru-Digest header or followthru.* References id hides nothing, and our own marked confirmation
// coming back through Sent is still skipped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest, sendOutbox } from '../../src/digest/deliver.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, getMessage, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T15:00:00Z');
const DANA = 'Dana Reyes <dana@northwind.example>';

describe('routing by folder and by verified marks (real Dovecot)', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  const texts = async () => (await listItems(t.app.store, { status: 'all' })).map((i) => i.text);

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('a forged From: the user in INBOX is not read as a promise the user made; the same words in Sent are', async () => {
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Wire',
        id: 'forged1@evil.example',
        date: 'Mon, 16 Nov 2026 07:00:00 -0600',
        body: "I'll wire you the $40,000 deposit by Friday.",
      }),
    );
    await syncOnce(t.app, session, NOW);
    expect(await texts()).not.toContain("I'll wire you the $40,000 deposit by Friday.");
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Quote',
        id: 'real1@northwind.example',
        date: 'Mon, 16 Nov 2026 07:05:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
    await syncOnce(t.app, session, NOW);
    expect(await texts()).toContain("I'll send you the revised quote by Friday.");
  });

  it("a stranger's mail with a bare X-Followthru-Digest header, or a forged followthru.* id in References, is still tracked", async () => {
    const ask = (id: string, headers: Record<string, string>, body: string) =>
      rawMail({
        from: 'Ben Carter <ben@carter.example>',
        to: DANA,
        subject: 'Plans',
        id,
        date: 'Mon, 16 Nov 2026 07:10:00 -0600',
        body,
        headers,
      });
    await session.append(
      'INBOX',
      ask(
        's1@carter.example',
        { 'X-Followthru-Digest': 'confirmation' },
        'Could you send me the roof plans by Thursday?',
      ),
    );
    await session.append(
      'INBOX',
      ask(
        's2@carter.example',
        { References: '<followthru.1xdeadbeefdeadbeefdeadbeef@northwind.example>' },
        'Could you send me the permit forms by Friday?',
      ),
    );
    await syncOnce(t.app, session, NOW);
    const asked = (await listItems(t.app.store, { kind: 'asked-of-you' })).map((i) => i.messageId);
    expect(asked).toEqual(expect.arrayContaining(['s1@carter.example', 's2@carter.example']));
  });

  it('our confirmation, marked with an HMAC of its Message-ID, is skipped when it comes back through Sent', async () => {
    expect(await sendDigest(t.app, NOW)).toBe('sent');
    const digestId = (await digestForDay(t.app.store, '2026-11-16'))?.messageId ?? '';
    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: followthru',
        id: 'rr1@northwind.example',
        inReplyTo: digestId,
        date: 'Mon, 16 Nov 2026 08:10:00 -0600',
        body: 'due 1 friday',
      }),
    );
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(1);
    expect(await sendOutbox(t.app, LATER)).toBe(1);
    // A fresh login sees the confirmation the app's own session appended.
    const fresh = await openImap(imapOptionsOf(dovecot));
    const inbox = await fresh
      .fetchSources(
        'INBOX',
        (await fresh.listPending('INBOX', { afterUid: 0 })).map((p) => p.uid),
      )
      .finally(() => fresh.close());
    const raw =
      inbox
        .map((r) => r.bytes.toString())
        .find((text) => /^Subject: Re: followthru/m.test(text) && /^Auto-Submitted: auto-replied/m.test(text)) ?? '';
    expect(raw).toMatch(/^X-Followthru-Digest: m[0-9a-f]{24}\r?$/m);
    // Gmail files SMTP-sent mail into Sent: the confirmation quotes the promise, and must not become one.
    const itemsBefore = await listItems(t.app.store, { status: 'all' });
    await session.append(
      'Sent',
      Buffer.from(
        raw
          .replace(/^Date: .*$/m, 'Date: Mon, 16 Nov 2026 09:00:00 -0600')
          .replace(/revised quote/g, 'signed contract'),
      ),
    );
    await syncOnce(t.app, session, LATER);
    expect(await listItems(t.app.store, { status: 'all' })).toHaveLength(itemsBefore.length);
    // Stored as our own mail coming back (received), not read as mail the user sent.
    const id = /^Message-ID: <([^>]+)>/im.exec(raw)?.[1] ?? '';
    expect((await getMessage(t.app.store, id))?.direction).toBe('received');
  });
});
