// The daemon with an OAuth2 sign-in, against Dovecot's oauth2 passdb: a revoked grant is said once ("sign-in
// expired: run `followthru login`"), nothing is retried against the server, every item stays, and a new
// `followthru login` is picked up without a restart.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, openApp } from '../../src/app.js';
import { runLogin } from '../../src/cli/login.js';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runDaemon } from '../../src/scheduler/daemon.js';
import { listItems } from '../../src/store/index.js';
import { rawMail } from '../support/app.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { startOAuthServer, type TestOAuthServer } from '../support/oauth2-server.js';

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}

const promise = (n: number) =>
  rawMail({
    from: 'dana@northwind.example',
    to: `P${n} <p${n}@x.example>`,
    subject: `Quote ${n}`,
    id: `s${n}@northwind.example`,
    date: new Date().toUTCString(),
    body: `I'll send you quote number ${n} by Friday.`,
  });

describe('the daemon and an expired sign-in', () => {
  let oauth: TestOAuthServer;
  let dovecot: Dovecot;
  let dir: string;
  let app: App;
  const lines: string[] = [];
  beforeAll(async () => {
    oauth = await startOAuthServer({ user: 'dana@northwind.example' });
    dovecot = await startDovecot({ oauth2: { introspectionUrl: oauth.introspectionUrl } });
    dir = await mkdtemp(join(tmpdir(), 'followthru-daemon-signin-'));
    const oauth2 = {
      provider: 'custom',
      clientId: 'followthru-test-client',
      tokenUrl: oauth.tokenUrl,
      deviceAuthorizationUrl: oauth.deviceAuthorizationUrl,
    };
    const config = parseConfig(
      {
        me: [dovecot.user],
        timezone: 'America/Chicago',
        store: { path: join(dir, 'd.db') },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          oauth2,
        },
        digest: { deliver: 'imap', cron: '0 3 1 1 *' },
        // On the real clock a Friday afternoon would add a weekly review mail: tested on its own in test/review/.
        weeklyReview: { enabled: false },
      },
      join(dir, 'config.json'),
    );
    await runLogin(config, { say: () => undefined, sleep: async () => undefined });
    app = await openApp(config, {
      log: createLogger({ level: 'info', destination: { write: (line) => lines.push(line) } }),
    });
  });
  afterAll(async () => {
    await app?.close();
    await dovecot?.stop();
    await oauth?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('says it once, keeps the items, and resumes after login without a restart', async () => {
    const stop = new AbortController();
    const running = runDaemon(app, {
      signal: stop.signal,
      pollMs: 300,
      signInPollMs: 100,
      backoff: { baseMs: 50, maxMs: 200 },
    });
    const connected = () => lines.filter((l) => l.includes('"msg":"connected"')).length;
    const expired = () => lines.filter((l) => l.includes('sign-in expired: run `followthru login`'));
    try {
      await dovecot.append('Sent', promise(1));
      await until(async () => (await listItems(app.store)).length === 1);
      const items = await listItems(app.store);

      oauth.revoke();
      await dovecot.kick(); // the daemon reconnects: its stored token is refused, and the refresh with it
      await until(() => expired().length > 0);
      const refreshes = oauth.requests.refresh_token;
      // Several more looks at the token file go by (100 ms apart): no new line, no new request.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(expired()).toHaveLength(1);
      expect(JSON.parse(expired()[0] ?? '{}')).toMatchObject({ level: 'error' });
      expect(oauth.requests.refresh_token).toBe(refreshes);
      expect(await listItems(app.store)).toEqual(items);

      await runLogin(app.config, { say: () => undefined, sleep: async () => undefined });
      await until(() => connected() === 2);
      await dovecot.append('Sent', promise(2));
      await until(async () => (await listItems(app.store)).length === 2);
    } finally {
      stop.abort();
      await running;
    }
  }, 90_000);
});
