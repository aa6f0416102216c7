// `followthru run` through the real binary: it says what it watches and when the next digest is due, logs JSON
// when stderr is not a terminal (or human lines with --log-format human), says it stopped, and exits 0 on
// SIGTERM, 130 on SIGINT.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

function waitFor(child: ChildProcess, text: () => string, pattern: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (pattern.test(text())) {
        child.stderr?.off('data', check);
        resolve();
      }
    };
    child.stderr?.on('data', check);
    child.once('exit', () =>
      pattern.test(text()) ? resolve() : reject(new Error(`exited before ${pattern}: ${text()}`)),
    );
  });
}

describe('followthru run', () => {
  let dovecot: Dovecot;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-run-'));
    config = join(dir, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        me: [dovecot.user],
        timezone: 'UTC',
        store: { path: join(dir, 'f.db') },
        digest: { deliver: 'imap', cron: '30 7 * * *' },
        // On the real clock a Friday afternoon would add a weekly review mail: tested on its own in test/review/.
        weeklyReview: { enabled: false },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordEnv: 'FT_PW',
        },
      }),
      { mode: 0o600 },
    );
  });
  afterAll(async () => {
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function runUntil(signal: NodeJS.Signals, extra: string[]) {
    const child = spawn(process.execPath, [BIN, 'run', '--config', config, ...extra], {
      env: { ...process.env, FT_PW: dovecot.password },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor(child, () => stderr, /connected/);
      child.kill(signal);
      return { code: await exited, stderr };
    } finally {
      child.kill('SIGKILL');
    }
  }

  it('JSON on a pipe: the start line names what it watches and the next digest; SIGTERM → "stopped", exit 0', async () => {
    const { code, stderr } = await runUntil('SIGTERM', []);
    const lines = stderr
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const start = lines.find((l) => String(l.msg).startsWith('followthru run started: watching'));
    expect(start?.msg).toMatch(
      new RegExp(
        `^followthru run started: watching "INBOX" and Sent \\(found on connect\\) of ${dovecot.user} at ${dovecot.host}; next digest .* 07:30 UTC, by imap to ${dovecot.user}$`,
      ),
    );
    expect(start?.nextDigest).toMatch(/T07:30:00\.000Z$/);
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped (SIGTERM)' });
    expect(code).toBe(0);
  });

  it('--log-format human: readable lines; Ctrl-C (SIGINT) → exit 130', async () => {
    const { code, stderr } = await runUntil('SIGINT', ['--log-format', 'human']);
    expect(stderr).toMatch(/^\d\d:\d\d:\d\d info {2}followthru run started: watching "INBOX"/m);
    expect(stderr).toMatch(/^\d\d:\d\d:\d\d info {2}stopped \(SIGINT\)/m);
    expect(stderr).not.toMatch(/^\{/m);
    expect(code).toBe(130);
  });
});
