// Two `followthru run` on one store, as real processes of the built CLI against a real Dovecot: the second exits at
// once naming the first, the digest is filed once; a lock left by a kill -9 is taken over by the next start.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';
import { recordFault } from './report.js';

const BIN = resolve('bin/followthru.js');

interface Daemon {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startRun(config: string): Daemon {
  const child = spawn(process.execPath, [BIN, 'run', '--config', config], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env },
  });
  let err = '';
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stderr: () => err, exit };
}

async function until(check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('two daemons on one store', () => {
  let dovecot: Dovecot;
  let session: ImapSession;
  let dir: string;
  let config: string;
  const daemons: Daemon[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    session = await openImap(imapOptionsOf(dovecot));
    dir = await mkdtemp(join(tmpdir(), 'followthru-two-'));
    config = join(dir, 'config.json');
    process.env.FT_TWO_PASSWORD = dovecot.password;
    // A slot at 00:00 UTC every day: whenever the test runs, today's digest is due at start. quiet: false, so an
    // empty store still gets one.
    await writeFile(
      config,
      JSON.stringify({
        me: [dovecot.user],
        timezone: 'UTC',
        logLevel: 'info',
        store: { path: join(dir, 'followthru.db') },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordEnv: 'FT_TWO_PASSWORD',
        },
        digest: { deliver: 'imap', cron: '0 0 * * *', quiet: false },
        // On the real clock a Friday afternoon would add a weekly review mail: tested on its own in test/review/.
        weeklyReview: { enabled: false },
      }),
      { mode: 0o600 },
    );
  }, 60_000);
  afterAll(async () => {
    for (const d of daemons) if (d.child.exitCode === null && d.child.signalCode === null) d.child.kill('SIGKILL');
    await session?.close();
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const digestsFiled = async () => {
    const found = await session.fetchSources(
      'INBOX',
      (await session.listPending('INBOX', { afterUid: 0 })).map((p) => p.uid),
    );
    return found.filter((raw) => /^X-Followthru-Digest: /m.test(raw.bytes.toString('utf8'))).length;
  };

  it('started together: one runs, the other exits at once naming the first pid; one digest is filed', async () => {
    const a = startRun(config);
    const b = startRun(config);
    daemons.push(a, b);
    // Exactly one of them must give up: whichever lost the race.
    const first = await Promise.race([a.exit.then(() => a), b.exit.then(() => b)]);
    const winner = first === a ? b : a;
    const lost = await first.exit;
    expect(lost.code).toBe(1);
    expect(first.stderr()).toContain(`another followthru run (pid ${winner.child.pid}) already uses the store`);
    await until(async () => (await digestsFiled()) >= 1);
    await new Promise((r) => setTimeout(r, 2_000)); // a second digest would be on its way by now
    const filed = await digestsFiled();
    expect(winner.child.exitCode).toBeNull(); // still running
    winner.child.kill('SIGTERM');
    const stopped = await winner.exit;
    expect(stopped.code).toBe(0);
    recordFault({
      fault: 'two `followthru run` started on one store',
      injected: 2,
      expected: 1,
      found: Math.min(filed, 1),
      duplicates: Math.max(0, filed - 1),
      crashes: 0,
    });
    expect(filed).toBe(1);
    await expect(readFile(`${join(dir, 'followthru.db')}.lock`)).rejects.toMatchObject({ code: 'ENOENT' }); // released on exit
  }, 120_000);

  it('a lock left by a kill -9 is taken over by the next start', async () => {
    const crashed = startRun(config);
    daemons.push(crashed);
    await until(() => crashed.stderr().includes('followthru run started'));
    crashed.child.kill('SIGKILL');
    await crashed.exit;
    expect((await readFile(`${join(dir, 'followthru.db')}.lock`, 'utf8')).trim()).toBe(String(crashed.child.pid));
    const next = startRun(config);
    daemons.push(next);
    await until(() => next.stderr().includes('followthru run started'));
    expect(next.child.exitCode).toBeNull();
    next.child.kill('SIGTERM');
    expect((await next.exit).code).toBe(0);
    expect(await digestsFiled()).toBe(1); // and today's digest was not filed again
  }, 120_000);
});
