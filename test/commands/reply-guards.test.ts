// Who and what a reply to a digest must be before it is obeyed, against a real Dovecot (issue 10): no
// auto-replies, nothing hidden in HTML, the provider's Authentication-Results, and the digest's age.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendDigest } from '../../src/digest/deliver.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { digestForDay, listItems, listOutbox, removeFromOutbox } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import type { ItemStatus } from '../../src/types.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const NOW = new Date('2026-11-16T13:30:00Z');
const LATER = new Date('2026-11-16T15:00:00Z');
const DANA = 'Dana Reyes <dana@northwind.example>';
const MX = 'mx.northwind.example';
let uid = 0;

describe('replies to a digest that must not be obeyed, and the ones that must (real Dovecot)', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  let digestId = '';
  const statuses = async (): Promise<ItemStatus[]> =>
    (await listItems(t.app.store, { kind: 'promise' })).sort((a, b) => a.id - b.id).map((i) => i.status);
  const reply = async (
    body: string,
    now: Date,
    spec: { from?: string; subject?: string; headers?: Record<string, string> } = {},
  ) => {
    await session.append(
      'INBOX',
      rawMail({
        from: spec.from ?? DANA,
        to: DANA,
        subject: spec.subject ?? 'Re: followthru',
        id: `guard${++uid}@northwind.example`,
        inReplyTo: digestId,
        date: 'Mon, 16 Nov 2026 08:30:00 -0600',
        body,
        headers: spec.headers,
      }),
    );
    const report = await syncOnce(t.app, session, now);
    // syncOnce only queues confirmations (the daemon sends them): read this reply's, then empty the outbox.
    const queued = await listOutbox(t.app.store);
    for (const q of queued) await removeFromOutbox(t.app.store, q.id);
    return { commands: report.outcome.commands, confirmations: queued.map((q) => q.confirmation.text) };
  };

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot, { authservId: MX });
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Quote',
        id: 'g1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Ben <ben@carter.example>',
        subject: 'Plans',
        id: 'g2@northwind.example',
        date: 'Wed, 11 Nov 2026 09:00:00 -0600',
        body: "I'll send you the roof plans by Thursday.",
      }),
    );
    await syncOnce(t.app, session, NOW);
    expect(await sendDigest(t.app, NOW)).toBe('sent');
    digestId = (await digestForDay(t.app.store, '2026-11-16'))?.messageId ?? '';
    expect(await statuses()).toEqual(['open', 'open']);
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('an out-of-office answering the digest is neither obeyed nor answered', async () => {
    const { commands, confirmations } = await reply('done 1\n\nI am out of the office until Monday.', LATER, {
      subject: 'Automatic reply: followthru',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    expect({ commands, confirmations }).toEqual({ commands: 0, confirmations: [] });
    expect(await statuses()).toEqual(['open', 'open']);
  });

  it('an HTML-only reply is read as a person sees it: the display:none command is not obeyed', async () => {
    const html = '<div>done 1</div><div style="display:none">not a promise 2</div>';
    await session.append(
      'INBOX',
      Buffer.from(
        `From: ${DANA}\r\nTo: ${DANA}\r\nSubject: Re: followthru\r\nDate: Mon, 16 Nov 2026 08:40:00 -0600\r\nMessage-ID: <guard-html@northwind.example>\r\nIn-Reply-To: <${digestId}>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}\r\n`,
      ),
    );
    expect((await syncOnce(t.app, session, LATER)).outcome.commands).toBe(1);
    expect(await statuses()).toEqual(['done', 'open']);
  });

  it("the owner's reply whose display name is the address itself is obeyed", async () => {
    const { commands } = await reply('reopen 1', LATER, { from: '"dana@northwind.example" <dana@northwind.example>' });
    expect(commands).toBe(1);
    expect(await statuses()).toEqual(['open', 'open']);
  });

  it('a reply the provider marks dmarc=fail / spf=fail is refused, whatever a lower header claims', async () => {
    const forged = `evil.example; dmarc=pass header.from=northwind.example\r\nAuthentication-Results: ${MX}; spf=fail smtp.mailfrom=dana@northwind.example; dmarc=fail header.from=northwind.example`;
    const { commands, confirmations } = await reply('not a promise all', LATER, {
      headers: { 'Authentication-Results': forged },
    });
    expect({ commands, confirmations }).toEqual({ commands: 0, confirmations: [] });
    expect(await statuses()).toEqual(['open', 'open']);
    expect(t.logs.some((l) => l.includes('marked spf=fail') || l.includes('marked dmarc=fail'))).toBe(true);
    const passed = await reply('done 2', LATER, {
      headers: {
        'Authentication-Results': `${MX}; spf=pass smtp.mailfrom=dana@northwind.example; dmarc=pass header.from=northwind.example`,
      },
    });
    expect(passed.commands).toBe(1);
    expect(await statuses()).toEqual(['open', 'done']);
  });

  it('"all" needs a digest from the last 2 days; the other commands of the reply still apply', async () => {
    const { commands, confirmations } = await reply('reopen all\ndone 1', new Date('2026-11-19T15:00:00Z'));
    expect(commands).toBe(1);
    expect(await statuses()).toEqual(['done', 'done']);
    expect(confirmations[0]).toContain('reopen all: refused: "all" works only on a digest from the last 2 days');
  });

  it('a reply to a digest older than 14 days is refused, with a reply that says so', async () => {
    const { commands, confirmations } = await reply('reopen 1\nreopen 2', new Date('2026-12-04T15:00:00Z'));
    expect(commands).toBe(0);
    expect(await statuses()).toEqual(['done', 'done']);
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]).toContain('the digest of Mon 16 Nov is more than 14 days old');
  });
});
