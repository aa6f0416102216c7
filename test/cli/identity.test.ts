// A `me` that lacks the address Sent is sent from: doctor names it (exit 1), and the first sync warns.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

describe('identity: Sent against me, through the real binary', () => {
  let dovecot: Dovecot;
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-identity-'));
    for (let n = 0; n < 5; n++) {
      const from = n < 4 ? 'Dana <dana.sales@northwind.example>' : dovecot.user;
      await dovecot.append(
        'Sent',
        `From: ${from}\r\nTo: ann@x.example\r\nSubject: q${n}\r\nDate: ${new Date().toUTCString()}\r\nMessage-ID: <identity-${n}@x.example>\r\n\r\nI'll send you the quote tomorrow.\r\n`,
      );
    }
    config = join(dir, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        me: [dovecot.user],
        timezone: 'UTC',
        store: { path: join(dir, 'f.db') },
        digest: { deliver: 'imap' },
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
  const env = () => ({ ...process.env, FT_PW: dovecot.password });

  it('doctor names the missing frequent address and exits 1', async () => {
    const { code, stdout } = await cli(['doctor', '--config', config], { env: env() });
    expect(stdout).toMatch(/✗ identity +mail in Sent comes from dana\.sales@northwind\.example \(4 of 5\)/);
    expect(stdout).toMatch(/✓ imap login/);
    expect(code).toBe(1);
  });

  it('the first sync warns; later ones do not repeat it', async () => {
    const first = await cli(['sync', '--config', config], { env: env() });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(
      /warning: mail in Sent comes from dana\.sales@northwind\.example \(4 of 5\).*fix: add "dana\.sales@northwind\.example" to "me"/,
    );
    const second = await cli(['sync', '--config', config], { env: env() });
    expect(second.stderr).not.toMatch(/warning: mail in Sent/);
  });
});
