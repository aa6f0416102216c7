import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDaemon } from '../../src/scheduler/daemon.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { listItems } from '../../src/store/index.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const promise = (n: number) =>
  rawMail({
    from: DANA,
    to: `P${n} <p${n}@x.example>`,
    subject: `Quote ${n}`,
    id: `p${n}@northwind.example`,
    date: 'Mon, 16 Nov 2026 09:00:00 -0600',
    body: `I'll send you quote number ${n} by Friday.`,
  });

async function until(check: () => Promise<boolean>, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}

describe('the daemon against a real Dovecot', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  const stop = new AbortController();
  let running: Promise<void>;
  const promises = async () => (await listItems(t.app.store, { kind: 'promise' })).length;

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    t = await testApp(dovecot, { digest: { deliver: 'imap', cron: '0 3 1 1 *' } });
    await session.append('Sent', promise(1));
    // The default poll (2 minutes): only IDLE can make the latency below.
    running = runDaemon(t.app, { signal: stop.signal, clock: () => new Date('2026-11-16T16:00:00Z') });
  });
  afterAll(async () => {
    stop.abort();
    await running;
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('backfills on start', async () => {
    await until(async () => (await promises()) === 1);
  });

  it('processes a mail that lands in Sent within 10 s (IDLE on a second connection)', async () => {
    const started = Date.now();
    await session.append('Sent', promise(2));
    await until(async () => (await promises()) === 2, 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('wakes on INBOX mail too: a reply answers the thread', async () => {
    await session.append(
      'INBOX',
      rawMail({
        from: 'P1 <p1@x.example>',
        to: DANA,
        subject: 'Re: Quote 1',
        id: 'r1@x.example',
        inReplyTo: 'p1@northwind.example',
        date: 'Mon, 16 Nov 2026 09:30:00 -0600',
        body: 'Thanks, got it.',
      }),
    );
    await until(
      async () =>
        (await listItems(t.app.store)).length >= 2 &&
        (await t.app.store.get<{ n: number }>("SELECT COUNT(*) AS n FROM messages WHERE id = 'r1@x.example'"))?.n === 1,
      10_000,
    );
  });

  it('reconnects after a forced disconnect and processes mail saved meanwhile, once', async () => {
    await dovecot.kick();
    await session.close().catch(() => undefined);
    session = await openImap(imapOptionsOf(dovecot));
    await session.append('Sent', promise(3));
    await until(async () => (await promises()) === 3);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await promises()).toBe(3);
    expect(t.logs.some((l) => l.includes('reconnecting'))).toBe(true);
  });
});
