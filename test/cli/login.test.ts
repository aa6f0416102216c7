// OAuth2 end to end, as a user runs it (the built bin/followthru.js, no terminal): `login` through the device
// code flow of a loopback authorization server, `sync` against Dovecot's oauth2 passdb, an access token that dies
// early refreshed exactly once, and a revoked grant that stops `sync` with a message naming `followthru login`
// while every stored item stays. At trace level, no token reaches any output.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawMail } from '../support/app.js';
import { DEFAULT_USER, type Dovecot, startDovecot } from '../support/dovecot.js';
import { startOAuthServer, type TestOAuthServer } from '../support/oauth2-server.js';

const run = promisify(execFile);
const BIN = resolve('bin/followthru.js');
const outputs: string[] = [];
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const done = await run(process.execPath, [BIN, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
  outputs.push(done.stdout, done.stderr);
  return done;
}

describe('followthru login, sync, refresh and revocation over OAuth2 (custom provider on loopback)', () => {
  let oauth: TestOAuthServer;
  let dovecot: Dovecot;
  let dir: string;
  let config: string;
  const items = async () =>
    JSON.parse((await cli('list', '--config', config, '--json', '--status', 'all')).stdout) as unknown[];

  beforeAll(async () => {
    oauth = await startOAuthServer({ user: DEFAULT_USER.user });
    // XOAUTH2 only, as Outlook and Gmail offer it (imapflow would prefer OAUTHBEARER when offered).
    dovecot = await startDovecot({ oauth2: { introspectionUrl: oauth.introspectionUrl, mechanisms: ['xoauth2'] } });
    dir = await mkdtemp(join(tmpdir(), 'followthru-login-'));
    config = join(dir, 'config.json');
    await writeFile(
      config,
      JSON.stringify({
        me: [dovecot.user],
        timezone: 'America/Chicago',
        logLevel: 'trace',
        store: { path: join(dir, 'f.db') },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          oauth2: {
            provider: 'custom',
            clientId: 'followthru-test-client',
            tokenUrl: oauth.tokenUrl,
            deviceAuthorizationUrl: oauth.deviceAuthorizationUrl,
          },
        },
        digest: { deliver: 'imap' },
      }),
      { mode: 0o600 },
    );
    const now = new Date();
    await dovecot.append(
      'Sent',
      rawMail({
        from: dovecot.user,
        to: 'Ann <ann@x.example>',
        subject: 'Quote',
        id: 'q1@x',
        date: now.toUTCString(),
        body: "I'll send you the quote by Friday.",
      }),
    );
  });
  afterAll(async () => {
    await dovecot?.stop();
    await oauth?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('login completes the device flow, sync reads Sent, one refresh revives a dead token, a revoked grant stops sync and keeps the items', async () => {
    const login = await cli('login', '--config', config);
    expect(login.stderr).not.toMatch(/Error/);
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`open ${oauth.url}/verify and enter the code WDJB-MJHT`);
    expect(login.stdout).toContain('IMAP login as dana@northwind.example');
    expect(oauth.polls).toBe(2); // pending once, then approved
    expect(oauth.grants).toEqual({ device_code: 1 });
    const tokenFile = join(dir, 'f.db.oauth2.json');
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(await readFile(tokenFile, 'utf8')) as { refreshToken: string };
    expect(oauth.issued).toContain(stored.refreshToken);
    expect(await readFile(config, 'utf8')).not.toContain(stored.refreshToken);

    const first = await cli('sync', '--config', config);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Sent: 1 new/);
    expect(oauth.grants.refresh_token).toBeUndefined(); // the token from login was still good
    const found = await items();
    expect(found.length).toBeGreaterThan(0);

    oauth.expireAccessTokens(); // dead on the server, alive by the file's clock: Dovecot refuses it
    await dovecot.append(
      'Sent',
      rawMail({
        from: dovecot.user,
        to: 'Bo <bo@x.example>',
        subject: 'Demo',
        id: 'q2@x',
        date: new Date().toUTCString(),
        body: 'I will book the demo for Monday.',
      }),
    );
    const second = await cli('sync', '--config', config);
    expect(second.stderr).not.toMatch(/ESIGNIN/);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Sent: 1 new/);
    expect(oauth.grants.refresh_token).toBe(1);
    const rotated = JSON.parse(await readFile(tokenFile, 'utf8')) as { refreshToken: string };
    expect(rotated.refreshToken).not.toBe(stored.refreshToken);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const before = await items();

    oauth.revoke();
    const third = await cli('sync', '--config', config);
    expect(third.code).not.toBe(0);
    expect(third.stderr).toContain('sign-in expired: run `followthru login`');
    expect(await items()).toEqual(before);
    // Stopped retrying: a second sync does not ask the server again.
    const polled = oauth.grants.refresh_token;
    expect((await cli('sync', '--config', config)).stderr).toContain('followthru login');
    expect(oauth.grants.refresh_token).toBe(polled);

    const status = await cli('status', '--config', config);
    expect(status.stdout).toMatch(/sign-in\s+imap: sign-in expired: run `followthru login`/);
    const doctor = await cli('doctor', '--config', config);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/✗ sign-in \(imap\)\s+sign-in expired/);

    // A new login clears it: sync works again without touching the config.
    expect((await cli('login', '--config', config)).code).toBe(0);
    expect((await cli('sync', '--config', config)).code).toBe(0);
    const healthy = await cli('doctor', '--config', config);
    expect(healthy.stdout).toMatch(
      /✓ sign-in \(imap\)\s+custom sign-in, refresh token present in .*; access token valid until/,
    );

    const text = outputs.join('\n');
    expect(text).toMatch(/"level":"trace"|"level":"debug"/); // the logs really were verbose
    for (const token of oauth.issued) expect(text).not.toContain(token);
  }, 300_000);
});
