// doctor never shows ✓ for what it could not see working: delivery after a failed login or into a missing
// folder, and a config still holding config.example.json's placeholders.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderFields } from '../../src/cli/doctor-checks.js';
import { parseConfig } from '../../src/config.js';
import { cli } from '../support/cli.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

describe('placeholderFields', () => {
  const config = (me: string, host: string) =>
    parseConfig({ me: [me], imap: { host, user: me, passwordEnv: 'X' }, digest: { deliver: 'imap' } }, '/tmp/c.json');
  it.each([
    [
      'you@example.com',
      'imap.example.com',
      [
        'me.0 = you@example.com',
        'imap.host = imap.example.com',
        'imap.user = you@example.com',
        'digest.to = you@example.com',
      ],
    ],
    ['dana@northwind.example', 'imap.example.org', ['imap.host = imap.example.org']],
    ['dana@northwind.example', 'imap.northwind.example', []],
    ['ann@myexample.com', 'mail.myexample.com', []],
  ])('%s / %s', (me, host, expected) => {
    expect(placeholderFields(config(me, host))).toEqual(expected);
  });
});

describe('doctor through the real binary', () => {
  let dovecot: Dovecot;
  let dir: string;
  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-doctor-'));
  });
  afterAll(async () => {
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });
  async function doctor(name: string, patch: { me?: string[]; imap?: Record<string, unknown> }) {
    const config = join(dir, `${name}.json`);
    await writeFile(
      config,
      JSON.stringify({
        me: patch.me ?? [dovecot.user],
        timezone: 'UTC',
        store: { path: join(dir, `${name}.db`) },
        digest: { deliver: 'imap' },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordEnv: 'FT_PW',
          ...patch.imap,
        },
      }),
      { mode: 0o600 },
    );
    return cli(['doctor', '--config', config], {
      env: { ...process.env, FT_PW: dovecot.password, FT_WRONG: 'wrong-pw' },
    });
  }

  it('a refused login: delivery over IMAP is ✗ too, and identity is not checked', async () => {
    const { code, stdout } = await doctor('refused', { imap: { passwordEnv: 'FT_WRONG' } });
    expect(code).toBe(1);
    expect(stdout).toMatch(/✗ imap login/);
    expect(stdout).toMatch(/✗ digest delivery +the digest is filed over IMAP, and the IMAP login failed/);
    expect(stdout).toMatch(/– identity +not checked/);
    expect(stdout).toMatch(/✓ next digest/); // the rest of the checklist is still there
  });

  it('a missing inbox folder: delivery is ✗', async () => {
    const { stdout } = await doctor('no-inbox', { imap: { inboxFolder: 'Nowhere' } });
    expect(stdout).toMatch(/✗ imap login +logged in, but there is no folder "Nowhere"/);
    expect(stdout).toMatch(/✗ digest delivery +the digest is filed into "Nowhere", which does not exist/);
  });

  it('placeholders from config.example.json are ✗ config, with the fix', async () => {
    const { code, stdout } = await doctor('placeholder', { me: ['you@example.com'] });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /✗ config .*still has placeholder values: me\.0 = you@example\.com.* — fix: put your own address/,
    );
  });

  it('a config that does not validate: exit 2, and the checklist still printed', async () => {
    const config = join(dir, 'broken.json');
    await writeFile(config, '{ "me": [] }', { mode: 0o600 });
    const { code, stdout } = await cli(['doctor', '--config', config]);
    expect(code).toBe(2);
    for (const name of ['store', 'imap login', 'identity', 'digest delivery', 'time zone', 'next digest'])
      expect(stdout).toMatch(new RegExp(`– ${name} +not checked`));
  });

  it('all good: exit 0', async () => {
    const { code, stdout } = await doctor('good', {});
    expect(stdout).toContain('all good.');
    expect(code).toBe(0);
  });
});
