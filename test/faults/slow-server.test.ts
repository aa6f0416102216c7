// A server that is slow, never silent: one byte every 20 s (socket timeouts never fire). Every command still ends at
// its deadline, the digest goes out on schedule while a sync is stuck, and a stop ends the daemon, in-process and
// as the real CLI under SIGTERM. Bounds are generous: what is asserted is that things end, not how fast.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDaemon } from '../../src/scheduler/daemon.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail, type TestApp, testApp } from '../support/app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { startSmtp } from '../support/smtp.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { recordFault } from './report.js';

const BIN = resolve('bin/followthru.js');
const TRICKLE_MS = 20_000;
const DANA = 'Dana Reyes <dana@northwind.example>';
/** The promise is due Friday the 13th: not yet due on Thursday (a quiet day), overdue on Monday. */
const THURSDAY = new Date('2026-11-12T15:00:00Z');
const MONDAY = new Date('2026-11-16T15:00:00Z');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Resolves true when `job` settles within `ms`, false when it is still pending then (stuck). */
const endsWithin = (job: Promise<unknown>, ms: number) =>
  Promise.race([
    job.then(
      () => true,
      () => true,
    ),
    sleep(ms).then(() => false),
  ]);
async function until(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(50);
  }
}

describe('a slow server: one byte every 20 s', () => {
  let dovecot: Dovecot;
  let proxy: TcpProxy;
  beforeAll(async () => {
    dovecot = await startDovecot();
    const seed = await openImap(imapOptionsOf(dovecot));
    await seed.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Quote',
        id: 'slow1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
    await seed.close();
  });
  afterAll(async () => {
    await proxy?.close();
    await dovecot?.stop();
  });
  const freshProxy = async () => {
    await proxy?.close();
    proxy = await startTcpProxy(dovecot);
    return proxy;
  };

  it('a command on a trickling connection fails at its deadline with EIMAP_CONNECT, and the session reports closed', async () => {
    await freshProxy();
    const session: ImapSession = await openImap({
      ...imapOptionsOf(dovecot),
      host: proxy.host,
      port: proxy.port,
      operationTimeoutMs: 1_000,
    });
    const closed = new Promise<void>((done) => session.onClose(done));
    proxy.trickle(TRICKLE_MS);
    await expect(session.status('INBOX')).rejects.toMatchObject({
      code: 'EIMAP_CONNECT',
      message: /took more than 1 s/,
    });
    await closed;
    await session.close();
  }, 60_000);

  it('the digest goes out on schedule while a sync is stuck on the trickling server, and a stop still ends the daemon', async () => {
    await freshProxy();
    const smtp = await startSmtp();
    let t: TestApp | undefined;
    const stop = new AbortController();
    let running: Promise<void> | undefined;
    let stuck = 0;
    try {
      // IMAP through the proxy, the digest by SMTP (straight): a slow mail server must not hold the digest back.
      t = await testApp(
        { ...dovecot, host: proxy.host, port: proxy.port },
        {
          digest: { deliver: 'smtp', cron: '* * * * *', timezone: 'UTC' },
          smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
        },
      );
      const direct = await openImap(imapOptionsOf(dovecot));
      await syncOnce(t.app, direct, THURSDAY);
      await direct.close();
      let now = THURSDAY;
      running = runDaemon(t.app, { signal: stop.signal, clock: () => now, pollMs: 300 });
      const logs = t.logs;
      await until(
        () => logs.some((l) => l.includes('"msg":"connected"')) && logs.some((l) => l.includes('"outcome":"quiet"')),
        60_000,
      );
      // From the next sync round on (it begins with STATUS), the sync's connection trickles; then it is Monday.
      proxy.trickle(TRICKLE_MS, /STATUS/);
      now = MONDAY;
      await until(() => proxy.connections > 0 && smtp.received.length >= 1, 120_000); // the cron fires within a minute
      expect(smtp.received[0]?.raw).toContain('Overdue');
      stop.abort();
      stuck = (await endsWithin(running, 30_000)) ? 0 : 1;
      recordFault({
        fault: 'slow IMAP server (1 byte / 20 s) during the digest slot',
        injected: 1,
        expected: 1,
        found: Math.min(1, smtp.received.length),
        duplicates: Math.max(0, smtp.received.length - 1),
        crashes: 0,
        stuck,
      });
      expect(stuck).toBe(0);
    } finally {
      stop.abort();
      proxy.resume();
      if (running) await endsWithin(running, 30_000);
      await t?.cleanup();
      await smtp.stop();
    }
  }, 240_000);

  it('SIGTERM ends the real `followthru run` within seconds while every connection trickles', async () => {
    await freshProxy();
    const dir = await mkdtemp(join(tmpdir(), 'followthru-slow-'));
    const config = join(dir, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        me: [dovecot.user],
        timezone: 'UTC',
        logLevel: 'info',
        store: { path: join(dir, 'f.db') },
        imap: {
          host: proxy.host,
          port: proxy.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordEnv: 'FT_SLOW_PASSWORD',
        },
        digest: { deliver: 'imap', cron: '0 3 1 1 *' },
      }),
      { mode: 0o600 },
    );
    const child = spawn(process.execPath, [BIN, 'run', '--config', config], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FT_SLOW_PASSWORD: dovecot.password },
    });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    try {
      await until(() => err.includes('"msg":"connected"'), 60_000);
      proxy.trickle(TRICKLE_MS);
      await sleep(1_000); // whatever it sends now waits on the trickle
      child.kill('SIGTERM');
      const ended = await endsWithin(exited, 30_000);
      recordFault({
        fault: 'SIGTERM while the IMAP server trickles',
        injected: 1,
        expected: 1,
        found: ended ? 1 : 0,
        duplicates: 0,
        crashes: 0,
        stuck: ended ? 0 : 1,
      });
      expect(ended).toBe(true);
      expect(await exited).toBe(0);
      expect(err, err).not.toContain('exiting anyway'); // it let go by itself, the backstop was not needed
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
