// A connection that goes silent (no RST, no FIN: a dead NAT entry) must still be noticed, by the socket timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FollowthruError } from '../../src/errors.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

describe('a silent connection', () => {
  let dovecot: Dovecot;
  let proxy: TcpProxy;
  const open = (): Promise<ImapSession> =>
    openImap({
      host: proxy.host,
      port: proxy.port,
      secure: false,
      allowInsecure: true,
      user: dovecot.user,
      password: dovecot.password,
      socketTimeoutMs: 300,
    });

  beforeAll(async () => {
    dovecot = await startDovecot();
    proxy = await startTcpProxy(dovecot);
  });
  afterAll(async () => {
    await proxy?.close();
    await dovecot?.stop();
  });

  it('ends an IDLE wait as "closed" and fires onClose', async () => {
    proxy.resume();
    const session = await open();
    const closed = new Promise<void>((resolve) => session.onClose(resolve));
    const waiting = session.waitForChange('INBOX', 20_000);
    await new Promise((r) => setTimeout(r, 100));
    const silentAt = Date.now();
    proxy.silence();
    expect(await waiting).toBe('closed');
    await closed;
    // One timeout to send a probing NOOP, a second one to give up on it.
    expect(Date.now() - silentAt).toBeLessThan(5_000);
  });

  it('fails a command the server never answers with EIMAP_CONNECT', async () => {
    proxy.resume();
    const session = await open();
    proxy.silence();
    const error = await session.status('INBOX').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FollowthruError);
    expect((error as FollowthruError).code).toBe('EIMAP_CONNECT');
  });
});
