import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDaemon } from '../../src/scheduler/daemon.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { listItems } from '../../src/store/index.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

const DANA = 'Dana Reyes <dana@northwind.example>';
const promise = (n: number) =>
  rawMail({ from: DANA, to: `P${n} <p${n}@x.example>`, subject: `Quote ${n}`, id: `p${n}@northwind.example`, date: 'Mon, 16 Nov 2026 09:00:00 -0600', body: `I'll send you quote number ${n} by Friday.` });

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
    session = await openImap({ host: dovecot.host, port: dovecot.port, secure: false, allowInsecure: true, user: dovecot.user, password: dovecot.password });
    t = await testApp(dovecot, { digest: { deliver: 'imap', cron: '0 3 1 1 *' } });
    await session.append('Sent', promise(1));
    running = runDaemon(t.app, { signal: stop.signal, pollMs: 300, clock: () => new Date('2026-11-16T16:00:00Z') });
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

  it('wakes on new INBOX mail and sees new Sent mail on the next round', async () => {
    await session.append('Sent', promise(2));
    await session.append('INBOX', rawMail({ from: 'P1 <p1@x.example>', to: DANA, subject: 'Re: Quote 1', id: 'r1@x.example', inReplyTo: 'p1@northwind.example', date: 'Mon, 16 Nov 2026 09:30:00 -0600', body: 'Thanks.' }));
    await until(async () => (await promises()) === 2);
  });

  it('reconnects after a forced disconnect and processes mail saved meanwhile, once', async () => {
    await dovecot.kick();
    await session.close().catch(() => undefined);
    session = await openImap({ host: dovecot.host, port: dovecot.port, secure: false, allowInsecure: true, user: dovecot.user, password: dovecot.password });
    await session.append('Sent', promise(3));
    await until(async () => (await promises()) === 3);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await promises()).toBe(3);
    expect(t.logs.some((l) => l.includes('reconnecting'))).toBe(true);
  });
});
