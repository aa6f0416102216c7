// Poison mail against a real Dovecot: a stranger's References header with more ids than SQLite allows variables
// once stopped every sync for good. Now it is read (its ids capped), and a mail that still cannot be ingested is
// recorded in `skipped` and passed over: the mails after it are read and the cursor moves past it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { getCursor, listItems, listSkips } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { recordFault } from './report.js';

const NOW = new Date('2026-11-16T16:00:00Z');
const DANA = 'Dana <dana@northwind.example>';
const STRANGER = 'Mallory <mallory@evil.example>';

/** `headers` References headers of short ids, folded into lines under RFC 5322's 998. */
function hugeReferences(headers: number, idsPerHeader: number): string {
  const lines: string[] = [];
  for (let h = 0; h < headers; h++) {
    const ids = Array.from({ length: idsPerHeader }, (_, i) => `<${h * idsPerHeader + i}@e.x>`);
    const folded: string[] = [];
    for (let i = 0; i < ids.length; i += 80) folded.push(ids.slice(i, i + 80).join(' '));
    lines.push(`References: ${folded.join('\r\n ')}\r\n`);
  }
  return lines.join('');
}

const promiseMail = (n: number, day: number) =>
  rawMail({
    from: DANA,
    to: `Client ${n} <c${n}@x.example>`,
    subject: `Order ${n}`,
    id: `order-${n}@northwind.example`,
    date: `${day} Nov 2026 09:00:00 -0600`,
    body: `I'll send you order form ${n} on Friday.`,
  });

describe('a poison mail never stops the sync (real Dovecot)', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let t: TestApp;

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
  });
  afterAll(async () => {
    await session?.close();
    await t?.cleanup();
    await dovecot?.stop();
  });

  it('a References header with 41,000 ids (5 headers of ~82 KB) is read, and the mails around it too', async () => {
    t = await testApp(dovecot);
    await session.append('Sent', promiseMail(1, 9));
    const poison = Buffer.from(
      `From: ${STRANGER}\r\nTo: ${DANA}\r\nSubject: Re: Order 1\r\nDate: Tue, 10 Nov 2026 09:00:00 -0600\r\nMessage-ID: <poison@evil.example>\r\n` +
        `In-Reply-To: <order-1@northwind.example>\r\n${hugeReferences(5, 8_200)}MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nI will call you tomorrow.\r\n`,
    );
    expect(poison.length).toBeGreaterThan(5 * 80_000);
    await session.append('INBOX', poison);
    await session.append('Sent', promiseMail(2, 11));

    const first = await syncOnce(t.app, session, NOW);
    const second = await syncOnce(t.app, session, NOW);
    const promises = await listItems(t.app.store, { kind: 'promise' });
    const texts = promises.map((p) => p.text).sort();
    recordFault({
      fault: 'poison References mail (41,000 ids)',
      injected: 1,
      expected: 2,
      found: new Set(texts).size,
      duplicates: texts.length - new Set(texts).size,
      crashes: 0,
    });
    expect(texts).toEqual(["I'll send you order form 1 on Friday.", "I'll send you order form 2 on Friday."]);
    expect(first.outcome.messages).toBe(3);
    expect(second.outcome.messages + second.outcome.skipped).toBe(0);
    const stored = await t.app.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM thread_keys');
    expect(stored?.n).toBeLessThan(100); // the header's thousands of ids are not stored
    expect((await getCursor(t.app.store, 'INBOX'))?.lastUid).toBe(1);
  }, 120_000);

  it('a mail that still fails to ingest is recorded in skipped, passed over, and the cursor moves on', async () => {
    await t.cleanup();
    t = await testApp(dovecot);
    // A real SQLite failure for one mail only: the store refuses to save it, as it once refused the References.
    await t.app.store.exec(
      "CREATE TRIGGER refuse_poison BEFORE INSERT ON messages WHEN NEW.id = 'poison-2@evil.example' BEGIN SELECT RAISE(ABORT, 'injected: too many SQL variables'); END",
    );
    await session.append(
      'INBOX',
      rawMail({
        from: STRANGER,
        to: DANA,
        subject: 'Hello',
        id: 'poison-2@evil.example',
        date: 'Thu, 12 Nov 2026 09:00:00 -0600',
        body: 'Can you send me the price list?',
      }),
    );
    await session.append('Sent', promiseMail(3, 13));

    const first = await syncOnce(t.app, session, NOW);
    const second = await syncOnce(t.app, session, NOW);
    const skips = await listSkips(t.app.store);
    expect(skips.map((s) => s.messageKey)).toEqual(['poison-2@evil.example']);
    expect(skips[0]?.reason).toContain('injected: too many SQL variables');
    expect(first.outcome.skipped).toBe(1);
    expect(second.outcome).toMatchObject({ messages: 0, skipped: 0 });
    const texts = (await listItems(t.app.store, { kind: 'promise' })).map((p) => p.text).sort();
    expect(texts).toEqual([1, 2, 3].map((n) => `I'll send you order form ${n} on Friday.`));
    const inbox = await getCursor(t.app.store, 'INBOX');
    expect(inbox?.lastUid).toBe(2);
    expect(t.logs.some((l) => l.includes('skipped a mail that cannot be ingested'))).toBe(true);
  }, 120_000);
});
