import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { findSentFolder } from '../../src/source/folders.js';
import { type ImapSession, openImap, uidSet } from '../../src/source/imap.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { rawMail } from '../support/app.js';

const mail = (n: number) =>
  rawMail({ from: 'dana@northwind.example', to: 'ann@x.example', subject: `m${n}`, body: `Mail ${n}.`, date: 'Mon, 16 Nov 2026 07:30:00 -0600', id: `m${n}@northwind.example` });

describe('IMAP adapter against a real Dovecot', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  const open = (password = dovecot.password) =>
    openImap({ host: dovecot.host, port: dovecot.port, secure: false, allowInsecure: true, user: dovecot.user, password });

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await open();
    for (let n = 1; n <= 30; n++) await session.append('Sent', mail(n), ['\\Seen']);
  });
  afterAll(async () => {
    await session?.close();
    await dovecot?.stop();
  });

  it('finds Sent by its SPECIAL-USE flag', async () => {
    const folders = await session.listFolders();
    expect(folders.find((f) => f.path === 'Sent')?.specialUse).toBe('\\Sent');
    expect(findSentFolder(folders, null)).toBe('Sent');
  });

  it('reads UIDVALIDITY as text and UIDNEXT', async () => {
    const status = await session.status('Sent');
    expect(status.uidValidity).toMatch(/^\d+$/);
    expect(status.uidNext).toBe(31);
    expect(status.messages).toBe(30);
  });

  it('lists only UIDs above the cursor, even though N:* always matches the highest', async () => {
    expect((await session.listPending('Sent', { afterUid: 25 })).map((p) => p.uid)).toEqual([26, 27, 28, 29, 30]);
    expect(await session.listPending('Sent', { afterUid: 30 })).toEqual([]);
    expect(await session.listPending('Sent', { afterUid: 99 })).toEqual([]);
  });

  it('fetches sources in UID order with their folder position', async () => {
    const raws = await session.fetchSources('Sent', [3, 1, 2]);
    expect(raws.map((r) => r.uid)).toEqual([1, 2, 3]);
    expect(raws[0]?.bytes.toString()).toContain('Subject: m1');
    expect(raws[0]?.uidValidity).toMatch(/^\d+$/);
  });

  it('wakes from IDLE when a mail arrives from another connection', async () => {
    const other = await open();
    const waiting = session.waitForChange('INBOX', 10_000);
    await new Promise((r) => setTimeout(r, 200));
    await other.append('INBOX', mail(100));
    expect(await waiting).toBe('change');
    await other.close();
  });

  it('times out quietly when nothing arrives', async () => {
    expect(await session.waitForChange('INBOX', 300)).toBe('timeout');
  });

  it('refuses a wrong password with EIMAP_AUTH, never echoing it', async () => {
    const error = await open('not-the-password-123').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FollowthruError);
    expect((error as FollowthruError).code).toBe('EIMAP_AUTH');
    expect((error as Error).message).not.toContain('not-the-password-123');
  });

  it('reports an unreachable server as EIMAP_CONNECT', async () => {
    const error = await openImap({ host: '127.0.0.1', port: 1, secure: false, allowInsecure: true, user: 'x', password: 'y' }).catch((e: unknown) => e);
    expect((error as FollowthruError).code).toBe('EIMAP_CONNECT');
  });

  it('tells when the connection is dropped (doveadm kick)', async () => {
    const victim = await open();
    const closed = new Promise<void>((resolve) => victim.onClose(resolve));
    await dovecot.kick();
    await closed;
    session = await open();
  });
});

describe('a server without SPECIAL-USE', () => {
  it('still finds Sent by name', async () => {
    const dovecot = await startDovecot({ hideSpecialUse: true, sentName: 'Sent Items' });
    try {
      const session = await openImap({ host: dovecot.host, port: dovecot.port, secure: false, allowInsecure: true, user: dovecot.user, password: dovecot.password });
      const folders = await session.listFolders();
      expect(folders.every((f) => f.specialUse !== '\\Sent')).toBe(true);
      expect(findSentFolder(folders, null)).toBe('Sent Items');
      await session.close();
    } finally {
      await dovecot.stop();
    }
  });
});

describe('uidSet', () => {
  it.each([
    [[1, 2, 3, 5, 7, 8], '1:3,5,7:8'],
    [[9], '9'],
    [[3, 1, 2, 2], '1:3'],
  ])('%j → %s', (uids, set) => expect(uidSet(uids)).toBe(set));
});
