// One user's whole mail world for end-to-end tests: the real test Dovecot, a real SMTP server on loopback, an
// IMAP session to the mailbox, and an app whose digest goes out over that SMTP server.
import { parseMessage } from '../../src/parse/mailparser.js';
import { type ImapSession, openImap } from '../../src/source/imap.js';
import { type DigestKind, digestForDay } from '../../src/store/index.js';
import { type TestApp, testApp } from './app.js';
import { type Dovecot, imapOptionsOf, startDovecot } from './dovecot.js';
import { type SmtpReply, startSmtp, type TestSmtp } from './smtp.js';

export interface MailWorld {
  dovecot: Dovecot;
  smtp: TestSmtp;
  session: ImapSession;
  t: TestApp;
  /** The SMTP settings of a config that delivers to this world's server. */
  smtpConfig: { host: string; port: number; secure: false; allowInsecure: true };
  /** The text of the digest (or weekly review) stored for `day`, as the SMTP server received it; '' if none came. */
  digestText(day: string, kind?: DigestKind): Promise<string>;
  stop(): Promise<void>;
}

/** `config` is merged into the app's config; the digest is delivered over SMTP unless it says otherwise. */
export async function startMailWorld(config: Record<string, unknown> = {}, smtpReply?: SmtpReply): Promise<MailWorld> {
  const dovecot = await startDovecot();
  const smtp = await startSmtp(smtpReply ? { reply: smtpReply } : {});
  const session = await openImap(imapOptionsOf(dovecot));
  const smtpConfig = { host: '127.0.0.1', port: smtp.port, secure: false, allowInsecure: true } as const;
  const { digest, ...rest } = config;
  const t = await testApp(dovecot, {
    ...rest,
    digest: { deliver: 'smtp', ...(digest as Record<string, unknown> | undefined) },
    smtp: smtpConfig,
  });
  return {
    dovecot,
    smtp,
    session,
    t,
    smtpConfig,
    async digestText(day, kind = 'daily') {
      const stored = await digestForDay(t.app.store, day, kind);
      const raw = smtp.received.find((m) => m.raw.includes(`<${stored?.messageId ?? '?'}>`))?.raw ?? '';
      return (await parseMessage({ origin: 'test', mailbox: 'INBOX', bytes: Buffer.from(raw) })).text;
    },
    async stop() {
      await session.close();
      await t.cleanup();
      await smtp.stop();
      await dovecot.stop();
    },
  };
}
