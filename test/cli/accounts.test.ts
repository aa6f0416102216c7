// The CLI with two accounts (the real binary): --account on item commands, "account" in list --json, status and
// doctor per account.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawMail } from '../support/app.js';
import { cli } from '../support/cli.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

const WORK = { user: 'dana@work.example', password: 'work-secret-1' };
const HOME = { user: 'dana@home.example', password: 'home-secret-2' };
const NOW = '2026-11-16T13:30:00Z';
interface Listed {
  id: number;
  account: string;
  status: string;
  text: string;
}

describe('followthru with two accounts (real binary)', () => {
  let dovecot: Dovecot;
  let dir: string;
  let config: string;
  const list = async (...args: string[]): Promise<Listed[]> =>
    JSON.parse(
      (await cli('list', '-c', config, '--json', '--status', 'all', '--now', NOW, ...args)).stdout,
    ) as Listed[];

  beforeAll(async () => {
    dovecot = await startDovecot({ users: [WORK, HOME] });
    dir = await mkdtemp(join(tmpdir(), 'followthru-cli-accounts-'));
    config = join(dir, 'config.json');
    const imap = (u: typeof WORK, password = u.password) => ({
      host: dovecot.host,
      port: dovecot.port,
      secure: false,
      allowInsecure: true,
      user: u.user,
      password,
    });
    await writeFile(
      config,
      JSON.stringify({
        timezone: 'UTC',
        logLevel: 'warn',
        store: { path: join(dir, 'followthru.db') },
        digest: { deliver: 'imap' },
        accounts: [
          { id: 'work', me: [WORK.user], imap: imap(WORK) },
          { id: 'home', me: [HOME.user], imap: imap(HOME, 'wrong') },
        ],
      }),
      { mode: 0o600 },
    );
    for (const [account, who] of [
      ['work', WORK.user],
      ['home', HOME.user],
    ] as const) {
      const mail = join(dir, account);
      await mkdir(mail);
      await writeFile(
        join(mail, 'a.eml'),
        rawMail({
          from: who,
          to: 'Ann <ann@x.example>',
          subject: `Plan ${account}`,
          id: `${account}-1@x.example`,
          date: 'Mon, 16 Nov 2026 09:00:00 +0000',
          body: `I'll send you the ${account} plan by Friday.`,
        }),
      );
      expect((await cli('sync', '-c', config, '--from', mail, '--account', account, '--now', NOW)).code).toBe(0);
    }
  }, 180_000);
  afterAll(async () => {
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists every account by default, each item with its "account"; --account narrows it', async () => {
    const all = await list();
    expect(all.map((i) => [i.account, i.text])).toEqual([
      ['work', expect.stringContaining('work plan')],
      ['home', expect.stringContaining('home plan')],
    ]);
    expect((await list('--account', 'home')).map((i) => i.account)).toEqual(['home']);
    const text = (await cli('list', '-c', config, '--now', NOW)).stdout;
    expect(text).toMatch(/#\d+ \[work\] open/);
    const unknown = await cli('list', '-c', config, '--account', 'nope');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no account "nope"');
  });

  it("refuses to change another account's item under --account, and changes it under its own", async () => {
    const home = (await list('--account', 'home'))[0] as Listed;
    const refused = await cli('done', `#${home.id}`, '-c', config, '--account', 'work', '--now', NOW);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('that item is in account "home", not "work"');
    expect((await list('--account', 'home'))[0]?.status).toBe('open');
    expect((await cli('done', `#${home.id}`, '-c', config, '--account', 'home', '--now', NOW)).code).toBe(0);
    expect((await list('--account', 'home'))[0]?.status).toBe('done');
  });

  it("status counts items per account; doctor checks each account's login", async () => {
    const status = (await cli('status', '-c', config)).stdout;
    expect(status).toMatch(/\[work\] promise\s+open\s+1/);
    expect(status).toMatch(/\[home\] promise\s+done\s+1/);
    const doctor = await cli('doctor', '-c', config);
    expect(doctor.stdout).toMatch(/✓ imap login \[work\]/);
    expect(doctor.stdout).toMatch(/✗ imap login \[home\].*refused/);
  });
});
