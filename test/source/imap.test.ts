// The IMAP adapter against a real Dovecot on loopback (test/support/dovecot.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { hasUidValidityChanged, nextFetchRange } from '../../src/source/cursor.js';
import { findSentFolder } from '../../src/source/folders.js';
import { type ImapOptions, type ImapSession, openImap, uidSet } from '../../src/source/imap.js';
import { searchOf } from '../../src/source/imap-ranges.js';
import { createLogger } from '../../src/log.js';
import type { RawMessage } from '../../src/types.js';
import { rawMail } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

const mail = (n: number) =>
  rawMail({
    from: 'dana@northwind.example',
    to: 'ann@x.example',
    subject: `m${n}`,
    body: `Mail ${n}.`,
    date: 'Mon, 16 Nov 2026 07:30:00 -0600',
    id: `m${n}@northwind.example`,
  });

const BULK = 600;

async function collect(batches: AsyncGenerator<RawMessage[]>): Promise<RawMessage[][]> {
  const all: RawMessage[][] = [];
  for await (const batch of batches) all.push(batch);
  return all;
}

describe('IMAP adapter against a real Dovecot', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  const options = (extra: Partial<ImapOptions> = {}): ImapOptions => ({
    host: dovecot.host,
    port: dovecot.port,
    secure: false,
    allowInsecure: true,
    user: dovecot.user,
    password: dovecot.password,
    ...extra,
  });

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(options());
    for (let n = 1; n <= 30; n++) await session.append('Sent', mail(n), ['\\Seen']);
    await dovecot.doveadm('mailbox', 'create', '-u', dovecot.user, 'Bulk');
    for (let n = 1; n <= BULK; n++) await session.append('Bulk', mail(n));
  });
  afterAll(async () => {
    await session?.close();
    await dovecot?.stop();
  });

  it('lists folders and finds Sent by its SPECIAL-USE flag', async () => {
    const folders = await session.listFolders();
    expect(folders.map((f) => f.path)).toEqual(expect.arrayContaining(['INBOX', 'Sent', 'Drafts', 'Bulk']));
    expect(folders.find((f) => f.path === 'Sent')).toMatchObject({ specialUse: '\\Sent', delimiter: '.' });
    expect(findSentFolder(folders)).toBe('Sent');
    expect(session.capabilities).toEqual({ condstore: true, specialUse: true, idle: true });
  });

  it('reads UIDVALIDITY and HIGHESTMODSEQ as text', async () => {
    const status = await session.status('Sent');
    expect(status).toMatchObject({ uidNext: 31, messages: 30 });
    expect(status.uidValidity).toMatch(/^\d+$/);
    expect(status.highestModseq).toMatch(/^\d+$/);
  });

  it('fetches 600 mails in batches of 250, in UID order, each once', async () => {
    const batches = await collect(session.fetchBatches('Bulk', '1:*', 250));
    expect(batches.map((b) => b.length)).toEqual([250, 250, 100]);
    const uids = batches.flat().map((r) => r.uid);
    expect(uids).toEqual(Array.from({ length: BULK }, (_, i) => i + 1));
    const { uidValidity } = await session.status('Bulk');
    expect(batches[0]?.[0]).toMatchObject({ origin: 'imap:Bulk', mailbox: 'Bulk', uidValidity, uid: 1 });
    expect(batches[2]?.[99]?.bytes.toString()).toContain(`Subject: m${BULK}`);
  });

  it('a backfill by date finds the same mails', async () => {
    const batches = await collect(session.fetchBatches('Sent', { since: new Date(Date.now() - 86_400_000) }, 100));
    expect(batches.flat().map((r) => r.uid)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it.each([
    ['above the cursor', '26:*', [26, 27, 28, 29, 30]],
    ['at the top: "31:*" still answers UID 30, which is dropped', '31:*', []],
    ['far above the top', '99:*', []],
    ['a cursor object', { afterUid: 28 }, [29, 30]],
  ])('N:* is filtered to UIDs above the cursor: %s', async (_name, from, uids) => {
    const batches = await collect(session.fetchBatches('Sent', from, 250));
    expect(batches.flat().map((r) => r.uid)).toEqual(uids);
    expect(
      (
        await session.listPending(
          'Sent',
          typeof from === 'string' ? { afterUid: Number(from.split(':')[0]) - 1 } : from,
        )
      ).map((p) => p.uid),
    ).toEqual(uids);
  });

  it('lists pending mail with its size, so batches can be cut by bytes before fetching', async () => {
    const pending = await session.listPending('Sent', { afterUid: 28 });
    const sources = await session.fetchSources(
      'Sent',
      pending.map((p) => p.uid),
    );
    expect(pending.map((p) => p.size)).toEqual(sources.map((r) => r.bytes.length));
  });

  it('lets the caller use the session between batches (the lock is not held across yield)', async () => {
    let seen = 0;
    for await (const batch of session.fetchBatches('Bulk', { afterUid: 0 }, 300)) {
      seen += batch.length;
      await session.status('Sent');
      await session.fetchSources('Sent', [1]);
    }
    expect(seen).toBe(BULK);
  });

  it('fetches sources by UID, sorted', async () => {
    const raws = await session.fetchSources('Sent', [3, 1, 2]);
    expect(raws.map((r) => r.uid)).toEqual([1, 2, 3]);
    expect(raws[0]?.bytes.toString()).toContain('Subject: m1');
  });

  it('sees a UIDVALIDITY change and plans a rescan', async () => {
    const before = await session.status('Sent');
    const cursor = {
      folder: 'Sent',
      uidValidity: before.uidValidity,
      lastUid: 30,
      highestModseq: before.highestModseq,
      resets: 0,
      parked: 0,
    };
    expect(nextFetchRange(cursor, before, new Date(0))).toEqual({ kind: 'none' });
    await dovecot.setUidValidity('Sent', 4242);
    const after = await session.status('Sent');
    expect(after.uidValidity).toBe('4242');
    expect(hasUidValidityChanged(cursor, after)).toBe(true);
    expect(nextFetchRange(cursor, after, new Date(0))).toMatchObject({
      kind: 'reset',
      was: before.uidValidity,
      now: '4242',
      resets: 1,
    });
  });

  it('wakes from IDLE when a mail is appended from a second connection', async () => {
    const other = await openImap(options());
    const waiting = session.waitForChange('INBOX', 10_000, new AbortController().signal);
    await new Promise((r) => setTimeout(r, 200));
    await other.append('INBOX', mail(100));
    expect(await waiting).toBe('change');
    await other.close();
    // The session is usable at once: IDLE was ended before waitForChange returned.
    expect((await session.status('INBOX')).messages).toBe(1);
  });

  it('does not miss mail that arrived while it was not idling', async () => {
    const seen = await collect(session.fetchBatches('INBOX', { afterUid: 0 }));
    expect(seen.flat()).toHaveLength(1);
    await dovecot.append('INBOX', mail(101));
    await session.status('Sent');
    const started = Date.now();
    expect(await session.waitForChange('INBOX', 5_000)).toBe('change');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['times out', 300, (): AbortSignal | undefined => undefined, 'timeout'],
    ['stops when the signal aborts', 10_000, () => AbortSignal.timeout(300), 'aborted'],
  ] as const)('waitForChange %s', async (_name, ms, signal, result) => {
    await collect(session.fetchBatches('INBOX', { afterUid: 0 })); // nothing pending
    expect(await session.waitForChange('INBOX', ms, signal())).toBe(result);
  });

  it('refuses a wrong password with EIMAP_AUTH, never echoing it', async () => {
    const error = await openImap(options({ password: 'not-the-password-123' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FollowthruError);
    expect((error as FollowthruError).code).toBe('EIMAP_AUTH');
    expect((error as Error).message).toContain(dovecot.user);
    expect((error as Error).message).not.toContain('not-the-password-123');
  });

  it('routes imapflow to our logger at debug, without the password', async () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'debug', destination: { write: (line) => lines.push(line) } });
    const logged = await openImap(options({ logger }));
    await logged.status('Sent');
    await logged.close();
    await openImap(options({ logger, password: 'wrong-password-456' })).catch(() => undefined);
    expect(lines.length).toBeGreaterThan(3);
    const imapflowLevels = new Set(
      lines
        .map((line) => JSON.parse(line) as { component?: string; level: string })
        .filter((l) => l.component === 'imapflow')
        .map((l) => l.level),
    );
    expect([...imapflowLevels]).toEqual(['debug']);
    expect(lines.join('\n')).not.toContain(dovecot.password);
    // AUTHENTICATE PLAIN sends base64("\0user\0password"): imapflow masks it before encoding.
    expect(lines.join('\n')).not.toContain(Buffer.from(`\0${dovecot.user}\0${dovecot.password}`).toString('base64'));
    expect(lines.join('\n')).not.toContain('wrong-password-456');
  });

  it('refuses to log in over plaintext without STARTTLS unless allowed', async () => {
    const error = await openImap(options({ allowInsecure: false })).catch((e: unknown) => e);
    expect((error as FollowthruError).code).toBe('EIMAP_CONNECT');
    expect((error as Error).message).toMatch(/STARTTLS.*allowInsecure/);
    expect((error as Error).message).not.toContain(dovecot.password);
  });

  it('reports an unreachable server as EIMAP_CONNECT', async () => {
    const error = await openImap(options({ port: 1 })).catch((e: unknown) => e);
    expect((error as FollowthruError).code).toBe('EIMAP_CONNECT');
  });

  it('a kick during waitForChange ends the wait and fires onClose', async () => {
    const victim = await openImap(options());
    const closed = new Promise<string>((resolve) => victim.onClose(() => resolve('closed')));
    const waiting = victim.waitForChange('INBOX', 10_000);
    await new Promise((r) => setTimeout(r, 200));
    await dovecot.kick();
    expect(await waiting).toBe('closed');
    expect(await closed).toBe('closed');
    const late = new Promise<string>((resolve) => victim.onClose(() => resolve('late listener too')));
    expect(await late).toBe('late listener too');
    session = await openImap(options()); // the kick took ours too
  });

  it('a dropped connection makes later calls fail as EIMAP_CONNECT (retryable), not as a folder error', async () => {
    const victim = await openImap(options());
    const closed = new Promise<void>((resolve) => victim.onClose(resolve));
    await dovecot.kick();
    await closed;
    session = await openImap(options());
    const error = await victim.status('Sent').catch((e: unknown) => e);
    expect((error as FollowthruError).code).toBe('EIMAP_CONNECT');
  });
});

describe.each([
  ['without SPECIAL-USE', { hideSpecialUse: true, sentName: 'Sent Items' }, 'Sent Items', true],
  ['without CONDSTORE', { hideCondstore: true }, 'Sent', false],
])('a server %s', (_name, dovecotOptions, sent, condstore) => {
  it('still finds Sent and reads its status', async () => {
    const dovecot = await startDovecot(dovecotOptions);
    try {
      const session = await openImap(imapOptionsOf(dovecot));
      const folders = await session.listFolders();
      expect(findSentFolder(folders)).toBe(sent);
      expect(session.capabilities.condstore).toBe(condstore);
      expect((await session.status(sent)).highestModseq === null).toBe(!condstore);
      await session.close();
    } finally {
      await dovecot.stop();
    }
  });
});

describe('searchOf', () => {
  it.each([
    ['11:*', { query: { uid: '11:*' }, afterUid: 10 }],
    [' 1:* ', { query: { uid: ' 1:* ' }, afterUid: 0 }],
    ['3:7', { query: { uid: '3:7' }, afterUid: 0 }],
    [{ afterUid: 41 }, { query: { uid: '42:*' }, afterUid: 41 }],
    [{ since: new Date(0) }, { query: { since: new Date(0) }, afterUid: 0 }],
  ])('%j', (from, expected) => expect(searchOf(from)).toEqual(expected));
});

describe('uidSet', () => {
  it.each([
    [[1, 2, 3, 5, 7, 8], '1:3,5,7:8'],
    [[9], '9'],
    [[3, 1, 2, 2], '1:3'],
    [[], ''],
  ])('%j → %s', (uids, set) => expect(uidSet(uids)).toBe(set));
});
