// The CLI as a user runs it (dist/, built by `npm test`): sync --from, list --json, and a bad config.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve('bin/followthru.js');
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('followthru CLI', () => {
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-cli-'));
    config = join(dir, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        me: ['dana@northwind-solar.example'],
        timezone: 'America/Chicago',
        logLevel: 'warn',
        store: { path: join(dir, 'f.db') },
        imap: { host: 'imap.northwind-solar.example', user: 'dana', passwordEnv: 'UNUSED' },
        digest: { deliver: 'imap' },
      }),
      { mode: 0o600 },
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('sync --from imports a Maildir through the same pipeline, and a second import doubles nothing', async () => {
    const first = await cli('sync', '--config', config, '--from', 'sample/mailbox', '--now', '2026-11-16T13:30:00Z');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/37 mails read, \d+ items found/);
    const again = await cli('sync', '--config', config, '--from', 'sample/mailbox', '--now', '2026-11-16T13:30:00Z');
    expect(again.stdout).toMatch(/0 mails read, 0 items found, 0 updated, 0 skipped, 37 already known/);
  });

  it('list --json prints one array in the documented shape', async () => {
    const { code, stdout } = await cli('list', '--config', config, '--json', '--status', 'all');
    expect(code).toBe(0);
    const items = JSON.parse(stdout) as Record<string, unknown>[];
    expect(items.length).toBeGreaterThan(5);
    expect(Object.keys(items[0] ?? {})).toEqual([
      'id',
      'account',
      'kind',
      'status',
      'text',
      'action',
      'due',
      'to',
      'messageId',
      'sentAt',
      'evidence',
      'followUpDue',
      'snoozedUntil',
      'digestNumber',
    ]);
    expect(items.every((i) => i.account === 'default')).toBe(true); // a one-account config is account "default"
    expect(items.some((i) => i.text === "I'll send you the brochure tomorrow." && i.status === 'kept')).toBe(true);
    const open = JSON.parse((await cli('list', '--config', config, '--json')).stdout) as { status: string }[];
    expect(open.every((i) => i.status === 'open' || i.status === 'snoozed')).toBe(true);
  });

  it('a bad config exits 2 and lists every problem with its field and a fix', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      JSON.stringify({ me: [], timezone: 'Nowhere/Land', imap: { host: '', user: 'u', password: 'hunter2-secret' } }),
      { mode: 0o600 },
    );
    const { code, stderr } = await cli('sync', '--config', bad);
    expect(code).toBe(2);
    for (const field of ['me', 'timezone', 'imap.host']) expect(stderr).toContain(field);
    expect(stderr).toMatch(/fix/);
    expect(stderr).not.toContain('hunter2-secret');
  });

  it('demo runs the whole pipeline without an account', async () => {
    const { code, stdout } = await cli('demo', '--html', join(dir, 'demo.html'));
    expect(code).toBe(0);
    expect(stdout).toContain('OVERDUE');
    expect(stdout).toContain('KEPT SINCE THE LAST DIGEST');
  });
});
