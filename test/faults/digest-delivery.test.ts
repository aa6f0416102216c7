// A digest whose delivery fails is not lost: the daemon retries a 451 by itself the same day (and it arrives once),
// and a kill -9 of the real CLI in the middle of an SMTP send is followed by a resend on the next run.
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
import { recordFault } from './report.js';

const BIN = resolve('bin/followthru.js');
const NOW = new Date('2026-11-16T13:30:00Z'); // Monday 07:30 in Chicago
const DANA = 'Dana Reyes <dana@northwind.example>';

async function until(check: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a failed digest send', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    await session.append(
      'Sent',
      rawMail({
        from: DANA,
        to: 'Priya <priya@harbor.example>',
        subject: 'Quote',
        id: 'q1@northwind.example',
        date: 'Tue, 10 Nov 2026 09:00:00 -0600',
        body: "I'll send you the revised quote by Friday.",
      }),
    );
  });
  afterAll(async () => {
    await session?.close();
    await dovecot?.stop();
  });

  it('the daemon retries a digest refused twice with 451 by itself, within the day, and it arrives once', async () => {
    const refusals = 2;
    const smtp = await startSmtp({
      reply: (n) =>
        n < refusals ? { code: 451, text: '4.3.0 Requested action aborted: local error in processing' } : null,
    });
    let t: TestApp | undefined;
    const stop = new AbortController();
    let running: Promise<void> | undefined;
    try {
      t = await testApp(dovecot, {
        digest: { deliver: 'smtp', cron: '0 7 * * *' },
        smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
      });
      const app = t.app;
      await syncOnce(app, session, NOW); // the promise is in the store before the digest at start
      running = runDaemon(app, { signal: stop.signal, clock: () => NOW, digestBackoff: { baseMs: 100, maxMs: 400 } });
      await until(() => smtp.received.length >= 1);
      await new Promise((r) => setTimeout(r, 1_500)); // a second copy would have come by now (retries are ≤ 400 ms apart)
      const ids = smtp.received.map((m) => /^Message-ID: (.*)\r?$/im.exec(m.raw)?.[1]);
      recordFault({
        fault: `digest send refused ${refusals}× with SMTP 451 (failed send retried)`,
        injected: refusals,
        expected: 1,
        found: new Set(ids).size,
        duplicates: ids.length - new Set(ids).size,
        crashes: 0,
      });
      expect(smtp.received).toHaveLength(1);
      expect(t.logs.filter((l) => l.includes('digest failed: it is tried again after a pause'))).toHaveLength(refusals);
    } finally {
      stop.abort();
      await running;
      await t?.cleanup();
      await smtp.stop();
    }
  }, 120_000);

  it('kill -9 of the CLI while the SMTP server holds its answer: the next run sends it again (a duplicate, never a loss)', async () => {
    const smtp = await startSmtp({ reply: (n) => (n === 0 ? 'hang' : null) });
    const dir = await mkdtemp(join(tmpdir(), 'followthru-killsend-'));
    try {
      const config = join(dir, 'config.json');
      await writeFile(
        config,
        JSON.stringify({
          me: [dovecot.user],
          timezone: 'America/Chicago',
          logLevel: 'silent',
          store: { path: join(dir, 'f.db') },
          imap: {
            host: dovecot.host,
            port: dovecot.port,
            secure: false,
            allowInsecure: true,
            user: dovecot.user,
            passwordEnv: 'UNUSED_HERE',
          },
          smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true },
          digest: { deliver: 'smtp', quiet: false },
        }),
        { mode: 0o600 },
      );
      const send = () =>
        spawn(process.execPath, [BIN, 'digest', '--send', '--config', config, '--now', NOW.toISOString()], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      const first = send();
      const exited = new Promise<NodeJS.Signals | null>((done) => first.on('exit', (_code, signal) => done(signal)));
      await until(() => smtp.received.length === 1);
      first.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');
      const second = send();
      let out = '';
      second.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const code = await new Promise<number | null>((done) => second.on('exit', (c) => done(c)));
      expect(code).toBe(0);
      expect(out).toContain('digest: sent');
      expect(smtp.received).toHaveLength(2);
      const ids = smtp.received.map((m) => /^Message-ID: (.*)\r?$/im.exec(m.raw)?.[1]);
      expect(new Set(ids).size).toBe(1); // the same digest, so a reply to either copy means the same items
    } finally {
      await smtp.stop();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
