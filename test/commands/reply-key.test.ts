// A reply seen twice, once without a Message-ID and once with one a server added, is applied once: it must not
// undo a "reopen" that came between. Against a real Dovecot; the key itself as a pure function.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandKeys } from '../../src/commands/reply-key.js';
import { sendDigest } from '../../src/digest/deliver.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T15:00:00Z');
const DANA = 'Dana Reyes <dana@northwind.example>';

describe('commandKeys', () => {
  const reply = { id: 'a@x', date: new Date('2026-11-16T14:10:00Z'), text: 'done 1\n' };
  it('shares the content key between sightings with different ids, whitespace aside', () => {
    const [, content] = commandKeys(3, reply, 7);
    expect(commandKeys(3, { ...reply, id: 'server-added@x', text: ' done   1' }, 7)[1]).toBe(content);
  });
  it.each([
    ['another date', { ...reply, date: new Date('2026-11-17T14:10:00Z') }],
    ['another text', { ...reply, text: 'done 2' }],
  ])('but not with %s', (_name, other) => {
    expect(commandKeys(3, other, 7)[1]).not.toBe(commandKeys(3, reply, 7)[1]);
  });
  it('is per digest and per item', () => {
    expect(commandKeys(3, reply, 7)).not.toEqual(commandKeys(4, reply, 7));
    expect(commandKeys(3, reply, 7)).not.toEqual(commandKeys(3, reply, 8));
  });
});

describe('the same reply with and without a server-added Message-ID', () => {
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

  it('is applied once, so a later reopen stands', async () => {
    expect(await sendDigest(t.app, NOW)).toBe('sent');
    const digestId = (await digestForDay(t.app.store, '2026-11-16'))?.messageId ?? '';
    const head = `From: ${DANA}\r\nTo: ${DANA}\r\nSubject: Re: followthru\r\nDate: Mon, 16 Nov 2026 08:10:00 -0600\r\nIn-Reply-To: <${digestId}>\r\n`;
    const body = 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\ndone 1\r\n';
    const status = async () => (await listItems(t.app.store, { kind: 'promise' }))[0]?.status;

    await session.append('INBOX', Buffer.from(`${head}${body}`)); // no Message-ID
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(1);
    expect(await status()).toBe('done');

    await session.append(
      'INBOX',
      rawMail({
        from: DANA,
        to: DANA,
        subject: 'Re: followthru',
        id: 'reopen1@northwind.example',
        inReplyTo: digestId,
        date: 'Mon, 16 Nov 2026 08:20:00 -0600',
        body: 'reopen 1',
      }),
    );
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(1);
    expect(await status()).toBe('open');

    // The first reply again, now carrying a Message-ID its server added (a copy in Sent, a migrated mailbox).
    await session.append('Sent', Buffer.from(`${head}Message-ID: <server-added.1@mail.northwind.example>\r\n${body}`));
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(0);
    expect(await status()).toBe('open');
  });
});
