// init with OAuth2: the sign-in runs before anything is written, the config holds the oauth2 block and no token,
// the refresh token sits beside the store (0600), and doctor passes and reports the sign-in.
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor.js';
import { runInit } from '../../src/cli/init/index.js';
import { presetFor } from '../../src/cli/init/presets.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { startOAuthServer, type TestOAuthServer } from '../support/oauth2-server.js';

describe('init with an OAuth2 sign-in', () => {
  let oauth: TestOAuthServer;
  let dovecot: Dovecot;
  let dir: string;
  beforeAll(async () => {
    oauth = await startOAuthServer({ user: 'dana@northwind.example' });
    dovecot = await startDovecot({ oauth2: { introspectionUrl: oauth.introspectionUrl } });
    dir = await mkdtemp(join(tmpdir(), 'followthru-init-oauth-'));
  });
  afterAll(async () => {
    await dovecot?.stop();
    await oauth?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('offers OAuth2 for Microsoft and Google addresses only', () => {
    expect(
      ['ana@outlook.com', 'ana@hotmail.com', 'ana@gmail.com', 'ana@me.com', 'ana@northwind.example'].map(
        (a) => presetFor(a).oauth2,
      ),
    ).toEqual(['microsoft', 'microsoft', 'google', null, null]);
  });

  it('a Microsoft address without a password source is told about --oauth2', async () => {
    const error = await runInit(
      { nonInteractive: true, email: 'ana@outlook.com', out: join(dir, 'none.json') },
      () => undefined,
    ).catch((e: unknown) => e);
    expect(String(error)).toContain('--oauth2 microsoft --client-id ID');
  });

  it('signs in through the device flow, tests the login, then writes the config', async () => {
    const out = join(dir, 'config.json');
    const lines: string[] = [];
    await runInit(
      {
        nonInteractive: true,
        email: dovecot.user,
        imapHost: dovecot.host,
        imapPort: String(dovecot.port),
        imapSecurity: 'none',
        oauth2: 'custom',
        clientId: 'followthru-test-client',
        tokenUrl: oauth.tokenUrl,
        deviceAuthorizationUrl: oauth.deviceAuthorizationUrl,
        timezone: 'UTC',
        out,
      },
      (line) => lines.push(line),
    );
    expect(lines.join('\n')).toContain('enter the code WDJB-MJHT');
    expect(lines.join('\n')).toContain('Login works. Sent folder: "Sent".');
    const text = await readFile(out, 'utf8');
    expect(JSON.parse(text).imap).toMatchObject({ oauth2: { provider: 'custom', clientId: 'followthru-test-client' } });
    expect(JSON.parse(text).imap.passwordEnv).toBeUndefined();
    for (const token of oauth.issued) expect(text).not.toContain(token);
    expect((await stat(join(dir, 'followthru.db.oauth2.json'))).mode & 0o777).toBe(0o600);
    const checks = await runDoctor(out);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.name)).toContain('sign-in (imap)');
  });
});
