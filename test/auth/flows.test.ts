// The sign-in flows and the refresh logic against the tests' own OAuth2 server on loopback (real HTTP, real
// files); only the device flow's sleep is fake, so polling is checked by the waits it asks for.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accessTokenFor, SIGN_IN_EXPIRED, storedFrom } from '../../src/auth/access-token.js';
import { runDeviceFlow } from '../../src/auth/device-flow.js';
import { listenLoopback, postForm } from '../../src/auth/http.js';
import { runLoopbackFlow } from '../../src/auth/loopback-flow.js';
import { readTokenFile, writeTokenFile } from '../../src/auth/token-file.js';
import type { OAuth2SignIn } from '../../src/config.js';
import { resolveOAuth2 } from '../../src/config/oauth2.js';
import { type OAuthServerOptions, startOAuthServer, type TestOAuthServer } from '../support/oauth2-server.js';

let server: TestOAuthServer | undefined;
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'followthru-auth-'));
});
afterEach(async () => {
  await server?.stop();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

async function setup(options: Partial<OAuthServerOptions> = {}) {
  server = await startOAuthServer({ user: 'dana@northwind.example', ...options });
  const signIn = resolveOAuth2(
    {
      provider: 'custom',
      clientId: 'followthru-test-client',
      tokenUrl: server.tokenUrl,
      deviceAuthorizationUrl: server.deviceAuthorizationUrl,
      authorizeUrl: server.authorizeUrl,
    },
    join(dir, 'f.db.oauth2.json'),
  ) as OAuth2SignIn;
  return { server, signIn };
}

function deviceDeps() {
  const waits: number[] = [];
  const said: string[] = [];
  return {
    waits,
    said,
    deps: {
      post: postForm,
      say: (l: string) => said.push(l),
      now: Date.now,
      sleep: async (ms: number) => void waits.push(ms),
      clientSecret: null,
    },
  };
}

describe('device code flow', () => {
  it('shows the URL and code, waits the server interval, and gets tokens once approved', async () => {
    const { server, signIn } = await setup({ intervalS: 2 });
    const { waits, said, deps } = deviceDeps();
    const tokens = await runDeviceFlow(signIn, deps);
    expect(said[0]).toBe(`To sign in, open ${server.url}/verify and enter the code WDJB-MJHT`);
    expect(waits).toEqual([2_000, 2_000]);
    expect(server.grants).toEqual({ device_code: 1 });
    expect(server.activeUser(tokens.accessToken)).toBe('dana@northwind.example');
  });

  it('slows down for good after slow_down', async () => {
    const { signIn } = await setup({ slowDownFirst: true, pendingPolls: 2 });
    const { waits, deps } = deviceDeps();
    await runDeviceFlow(signIn, deps);
    expect(waits).toEqual([1_000, 6_000, 6_000]);
  });

  it.each([
    ['access_denied', /sign-in was declined \(the user declined\) — fix: run followthru login again/],
    ['expired_token', /the sign-in code expired before it was used .*— fix: run followthru login again/],
  ] as const)('stops on %s with a clear message', async (answer, message) => {
    const { server, signIn } = await setup({ deviceAnswer: answer });
    const { deps } = deviceDeps();
    await expect(runDeviceFlow(signIn, deps)).rejects.toThrow(message);
    expect(server.polls).toBe(2); // no polling on after the refusal
  });

  it('stops by itself when the code outlives its expiry', async () => {
    const { server, signIn } = await setup({ pendingPolls: 1000 });
    const { deps } = deviceDeps();
    let clock = Date.now();
    await expect(
      runDeviceFlow(signIn, { ...deps, now: () => clock, sleep: async () => void (clock += 200_000) }),
    ).rejects.toThrow(/code expired/);
    expect(server.polls).toBe(2); // expires_in 600 s: polled at +200 s and +400 s, stopped at +600 s
  });
});

describe('loopback flow with PKCE', () => {
  // The "browser": follows the printed URL to the authorize endpoint, which redirects to our listener.
  const browser = (tamper?: (url: URL) => void) => (line: string) => {
    if (!line.startsWith('http')) return;
    void fetch(line, { redirect: 'manual' }).then((res) => {
      const target = new URL(res.headers.get('location') ?? '');
      tamper?.(target);
      return fetch(target);
    });
  };

  it('listens on 127.0.0.1, checks state and exchanges the code with the verifier', async () => {
    const { server, signIn } = await setup();
    const tokens = await runLoopbackFlow(signIn, {
      post: postForm,
      say: browser(),
      now: Date.now,
      clientSecret: null,
      listen: listenLoopback,
    });
    expect(server.grants).toEqual({ authorization_code: 1 });
    expect(server.activeUser(tokens.accessToken)).toBe('dana@northwind.example');
  });

  it('refuses a redirect that does not carry our state, and never exchanges its code', async () => {
    const { server, signIn } = await setup();
    const forged = browser((url) => url.searchParams.set('state', 'someone-else'));
    await expect(
      runLoopbackFlow(signIn, {
        post: postForm,
        say: forged,
        now: Date.now,
        clientSecret: null,
        listen: listenLoopback,
      }),
    ).rejects.toThrow(/state/);
    expect(server.requests).toEqual({});
  });
});

describe('refresh', () => {
  async function signedIn(options: Partial<OAuthServerOptions> = {}) {
    const { server, signIn } = await setup(options);
    const tokens = await runDeviceFlow(signIn, deviceDeps().deps);
    await writeTokenFile(signIn.tokenFile, storedFrom(tokens, null, Date.now()));
    return { server, signIn, tokens };
  }

  it('uses the stored token while it has more than five minutes, refreshes once within five, and rotates atomically', async () => {
    const { server, signIn, tokens } = await signedIn({ accessTtlS: 3600 });
    expect(await accessTokenFor(signIn, { now: Date.now() })).toBe(tokens.accessToken);
    expect(server.grants.refresh_token).toBeUndefined();
    const late = tokens.expiresAt - 4 * 60_000;
    const fresh = await accessTokenFor(signIn, { now: late });
    expect(fresh).not.toBe(tokens.accessToken);
    expect(await accessTokenFor(signIn, { now: late })).toBe(fresh); // the new one lasts an hour from the refresh
    expect(server.grants.refresh_token).toBe(1);
    const stored = await readTokenFile(signIn.tokenFile);
    expect(stored?.refreshToken).not.toBe(tokens.refreshToken);
    expect((await stat(signIn.tokenFile)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['f.db.oauth2.json']); // no temporary file left behind
  });

  it('on invalid_grant marks the sign-in expired, keeps the refresh token out of the message, and asks the server no more', async () => {
    const { server, signIn, tokens } = await signedIn();
    server.revoke();
    const error = (await accessTokenFor(signIn, { force: true }).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(
      /^sign-in expired: run `followthru login` \(the server said: invalid_grant: the refresh token was revoked\)$/,
    );
    expect(error.message.startsWith(SIGN_IN_EXPIRED)).toBe(true);
    await expect(accessTokenFor(signIn, { force: true })).rejects.toThrow(SIGN_IN_EXPIRED);
    expect(server.requests.refresh_token).toBe(1);
    const text = await readFile(signIn.tokenFile, 'utf8');
    expect(text).not.toContain(tokens.accessToken);
    expect(JSON.parse(text)).toMatchObject({
      expired: { reason: 'invalid_grant: the refresh token was revoked' },
      accessToken: null,
    });
  });

  it('a refresh token another process just rotated is no reason to give up: its new token is used', async () => {
    const { server, signIn } = await signedIn();
    const before = await readTokenFile(signIn.tokenFile);
    const other = await accessTokenFor(signIn, { force: true }); // "another process" rotates
    const rotated = await readTokenFile(signIn.tokenFile);
    if (!before || !rotated) throw new Error('signed in');
    await writeTokenFile(signIn.tokenFile, before); // we still hold the old file's view…
    const post: typeof postForm = async (request) => {
      const reply = await postForm(request);
      await writeTokenFile(signIn.tokenFile, rotated); // …and the other process's write lands meanwhile
      return reply;
    };
    expect(await accessTokenFor(signIn, { force: true, post })).toBe(other);
    expect(server.requests.refresh_token).toBe(2);
    expect((await readTokenFile(signIn.tokenFile))?.expired).toBeNull();
  });
});
