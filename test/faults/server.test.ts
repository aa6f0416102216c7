// Server-side faults against the test Dovecot: a burst during IDLE and UIDVALIDITY changing on every connect. (A
// digest interrupted mid-send: test/digest/delivery-retry.test.ts and test/faults/digest-delivery.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { getCursor, listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { recordFault } from './report.js';

const DANA = 'Dana <dana@northwind.example>';
const NOW = new Date('2026-11-16T16:00:00Z');
const promise = (n: number, tag: string) =>
  rawMail({
    from: DANA,
    to: `C${n} <c${n}@x.example>`,
    subject: `${tag} ${n}`,
    id: `${tag}-${n}@northwind.example`,
    date: `Mon, 16 Nov 2026 ${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00 -0600`,
    body: `I'll send you proposal ${n} by Friday.`,
  });

/** The same promise made to the user by a correspondent: what arrives in INBOX (the user's own mail is read from Sent only). */
const theirPromise = (n: number, tag: string) =>
  rawMail({
    from: `C${n} <c${n}@x.example>`,
    to: DANA,
    subject: `${tag} ${n}`,
    id: `${tag}-${n}@x.example`,
    date: `Mon, 16 Nov 2026 ${String(8 + Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}:00 -0600`,
    body: `I'll send you proposal ${n} by Friday.`,
  });

describe('server faults', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;
  const open = () => openImap(imapOptionsOf(dovecot));

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await open();
    t = await testApp(dovecot);
  });
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('a burst of 200 mails arriving during IDLE: all processed, once, in order', async () => {
    await syncOnce(t.app, session, NOW);
    const watcher = await open();
    const woke = watcher.waitForChange('INBOX', 10_000);
    const sender = await open();
    await new Promise((r) => setTimeout(r, 200));
    for (let n = 0; n < 200; n++) await sender.append('INBOX', theirPromise(n, 'burst'));
    expect(await woke).toBe('change');
    await sender.close();
    await watcher.close();
    const report = await syncOnce(t.app, session, NOW);
    expect(report.outcome.messages).toBe(200);
    expect((await syncOnce(t.app, session, NOW)).outcome.messages).toBe(0);
    expect(await listItems(t.app.store, { kind: 'promise' })).toHaveLength(0); // theirs, not the user's
    const ids = (await listItems(t.app.store, { kind: 'their-promise' })).map((i) =>
      Number(/(\d+)@/.exec(i.messageId)?.[1]),
    );
    recordFault({
      fault: 'a burst of 200 mails during IDLE',
      injected: 200,
      expected: 200,
      found: ids.length,
      duplicates: ids.length - new Set(ids).size,
      crashes: 0,
    });
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(200);
  });

  it('forced disconnects during a fetch: reconnect, and every mail is processed once', async () => {
    for (let n = 0; n < 300; n++) await dovecot.append('Sent', promise(n, 'kick'));
    let kicks = 0;
    for (let attempt = 0; attempt < 20; attempt++) {
      const running = syncOnce(t.app, session, NOW);
      const kicked = new Promise((r) => setTimeout(r, 30 + attempt * 40)).then(() => dovecot.kick());
      const [result] = await Promise.allSettled([running, kicked]);
      await session.close().catch(() => undefined);
      session = await open();
      if (result.status === 'fulfilled') break;
      kicks++;
    }
    await syncOnce(t.app, session, NOW);
    const kicked = (await listItems(t.app.store, { kind: 'promise' })).filter((i) => i.messageId.startsWith('kick-'));
    recordFault({
      fault: 'doveadm kick during a fetch',
      injected: kicks,
      expected: 300,
      found: kicked.length,
      duplicates: kicked.length - new Set(kicked.map((i) => i.messageId)).size,
      crashes: 0,
    });
    expect(kicks).toBeGreaterThan(0);
    expect(kicked).toHaveLength(300);
    // Up to twenty kicked syncs of 300 mails: a busy CI host needs far more than the default 30 s, and only the
    // outcome is asserted, never the time.
  }, 180_000);

  it('UIDVALIDITY changing on every connect: a few resets, then the folder is parked and the user told once', async () => {
    await session.append('Sent', promise(1, 'uv'));
    for (let round = 0; round < 6; round++) {
      await dovecot.doveadm('mailbox', 'update', '-u', dovecot.user, '--uid-validity', String(5000 + round), 'Sent');
      await session.close();
      session = await open();
      await syncOnce(t.app, session, NOW);
    }
    const cursor = await getCursor(t.app.store, 'Sent');
    expect(cursor?.parked).toBe(1);
    expect(t.logs.filter((l) => l.includes('parked')).length).toBe(1);
    const uv = (await listItems(t.app.store, { kind: 'promise' })).filter((i) => i.messageId.startsWith('uv-'));
    recordFault({
      fault: 'UIDVALIDITY changed on every connect',
      injected: 6,
      expected: 1,
      found: uv.length,
      duplicates: Math.max(0, uv.length - 1),
      crashes: 0,
    });
    expect(uv).toHaveLength(1);
  });
});
