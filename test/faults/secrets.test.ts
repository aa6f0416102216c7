// At the most verbose level, through sync, digest, reply and failures, no log line and no error carries the IMAP
// or SMTP password (plain or base64, alone or in an AUTH PLAIN string) or the store's token secret.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, openUserImap, userSmtp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { sendDigest, sendOutbox } from '../../src/digest/deliver.js';
import { errorMessage } from '../../src/errors.js';
import { createLogger } from '../../src/log.js';
import { getOrCreateSecret, digestForDay } from '../../src/store/index.js';
import { syncOnce } from '../../src/sync/sync.js';
import { rawMail } from '../support/app.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

const SMTP_PASSWORD = 'smtp-Secret-4242';
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('secrets never reach logs or errors', () => {
  let dovecot: Dovecot;
  let smtp: TestSmtp;
  let dir: string;
  const out: string[] = [];

  beforeAll(async () => {
    dovecot = await startDovecot();
    smtp = await startSmtp({ password: SMTP_PASSWORD });
    dir = await mkdtemp(join(tmpdir(), 'followthru-secrets-'));
    process.env.FT_SECRET_IMAP = dovecot.password;
    process.env.FT_SECRET_SMTP = SMTP_PASSWORD;
  });
  afterAll(async () => {
    await smtp?.stop();
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('through a whole sync, digest, reply and a failing login, at trace level', async () => {
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
          passwordEnv: 'FT_SECRET_IMAP',
        },
        smtp: {
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          allowInsecure: true,
          user: 'dana',
          passwordEnv: 'FT_SECRET_SMTP',
        },
        digest: { deliver: 'smtp' },
      },
      join(dir, 'config.json'),
    );
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
    await sendDigest(app, now);
    const digestId = (await digestForDay(app.store, '2026-11-16'))?.messageId ?? '';
    await session.append(
      'INBOX',
      rawMail({
        from: dovecot.user,
        to: dovecot.user,
        subject: 'Re',
        id: 'r@x',
        inReplyTo: digestId,
        date: 'Mon, 16 Nov 2026 08:00:00 -0600',
        body: 'done 1',
      }),
    );
    await syncOnce(app, session, now);
    await sendOutbox(app, now);
    await session.close();
    process.env.FT_SECRET_IMAP = `${dovecot.password}-wrong`;
    out.push(errorMessage(await openUserImap(app).catch((e: unknown) => e)));
    process.env.FT_SECRET_SMTP = `${SMTP_PASSWORD}-wrong`;
    // The login doctor makes (null: no mail, only AUTH), with the password resolved as a digest send resolves it.
    const refused = await userSmtp(app.config, null).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Error);
    out.push(errorMessage(refused));
    const tokenSecret = await getOrCreateSecret(app.store);
    await app.close();

    const text = out.join('\n');
    expect(out.length).toBeGreaterThan(50);
    const secrets = [
      dovecot.password,
      `${dovecot.password}-wrong`,
      SMTP_PASSWORD,
      `${SMTP_PASSWORD}-wrong`,
      tokenSecret,
      b64(dovecot.password),
      b64(SMTP_PASSWORD),
      b64(`\0${dovecot.user}\0${dovecot.password}`),
      b64(`\0dana\0${SMTP_PASSWORD}`),
    ];
    for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
