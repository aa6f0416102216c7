// OAuth2 through the same code paths as a user's account, at trace level: login, sync over IMAP XOAUTH2, the
// digest over SMTP XOAUTH2 (smtp-server checking the token with the OAuth2 server), a token that dies early
// (one refresh, one retry), and a revoked grant. No access or refresh token, plain or inside a base64 SASL
// string, reaches any log line or error.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openUserImap, userSmtp } from '../../src/app.js';
import { runLogin } from '../../src/cli/login.js';
import { parseConfig } from '../../src/config.js';
import { sendDigest } from '../../src/digest/deliver.js';
import { errorMessage } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { listItems } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail } from '../support/app.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { startOAuthServer, type TestOAuthServer } from '../support/oauth2-server.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('OAuth2 tokens never reach logs or errors; the digest goes out over SMTP XOAUTH2', () => {
  let oauth: TestOAuthServer;
  let dovecot: Dovecot;
  let smtp: TestSmtp;
  let dir: string;
  beforeAll(async () => {
    oauth = await startOAuthServer({ user: 'dana@northwind.example' });
    dovecot = await startDovecot({ oauth2: { introspectionUrl: oauth.introspectionUrl } });
    smtp = await startSmtp({ oauth2: { introspectionUrl: oauth.introspectionUrl } });
    dir = await mkdtemp(join(tmpdir(), 'followthru-oauth-secrets-'));
  });
  afterAll(async () => {
    await smtp?.stop();
    await dovecot?.stop();
    await oauth?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('through login, sync, a digest, a refused token and a revoked grant', async () => {
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
        logLevel: 'trace',
        store: { path: join(dir, 's.db') },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          oauth2,
        },
        // No password source and no oauth2 of its own: smtp signs in as imap does.
        smtp: { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true, user: dovecot.user },
        digest: { deliver: 'smtp' },
      },
      join(dir, 'config.json'),
    );
    expect(config.smtp?.oauth2).toBe(config.imap.oauth2);
    const out: string[] = [];
    await runLogin(config, { say: (line) => out.push(line), sleep: async () => undefined });
    const app = await openApp(config, {
      log: createLogger({ level: 'trace', destination: { write: (line) => out.push(line) } }),
    });
    const session = await openUserImap(app);
    await session.append(
      'Sent',
      rawMail({
        from: dovecot.user,
        to: 'Ann <ann@x.example>',
        subject: 'Quote',
        id: 'q@x',
        date: 'Mon, 9 Nov 2026 09:00:00 -0600',
        body: "I'll send the quote by Wednesday.",
      }),
    );
    const now = new Date('2026-11-16T13:30:00Z');
    await syncOnce(app, session, now);
    await session.close();
    expect(oauth.grants.refresh_token).toBeUndefined();

    oauth.expireAccessTokens(); // SMTP refuses the stored token: one refresh, one retry
    expect(await sendDigest(app, now)).toBe('sent');
    expect(oauth.grants.refresh_token).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.user).toBe(dovecot.user);
    expect(smtp.received[0]?.raw).toContain('Quote');

    oauth.revoke();
    const items = await listItems(app.store);
    for (const attempt of [() => openUserImap(app), () => userSmtp(app.config, null)]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(errorMessage(error)).toContain('sign-in expired: run `followthru login`');
      out.push(errorMessage(error), String((error as Error).stack));
    }
    expect(await listItems(app.store)).toEqual(items);
    await app.close();

    const text = out.join('\n');
    expect(out.length).toBeGreaterThan(50);
    expect(oauth.issued.length).toBe(4); // login, one refresh: an access and a refresh token each
    for (const token of oauth.issued) {
      for (const form of [token, b64(token), b64(`user=${dovecot.user}\x01auth=Bearer ${token}\x01\x01`)])
        expect(text).not.toContain(form);
      expect(text).not.toContain(
        b64(`n,a=${dovecot.user},\x01host=127.0.0.1\x01port=${dovecot.port}\x01auth=Bearer ${token}\x01\x01`),
      );
    }
  });
});
