// Composition root: config → adapters (store, extractor, logger) → the stages. Commands start here.
import { withCredential } from './auth/credential.js';
import { digestReplyHandler } from './commands/handle.js';
import { isSmtpAuthRefusal, type OutgoingMail, sendSmtp, type SmtpLogin, verifySmtp } from './digest/send.js';
import { FollowthruError } from './errors.js';
import { type Config, resolvePassword } from './config.js';
import { createExtractor, type Extractor } from './extract/index.js';
import type { DigestReplyHandler, IngestContext, IngestDeps } from './ingest/batch.js';
import { createLogger, type Logger, type LogLevel, registerSecret } from './log.js';
import { type ImapSession, openImap } from './source/imap.js';
import { openStore, queueConfirmations, type Store } from './store/index.js';

export interface App {
  config: Config;
  store: Store;
  extractor: Extractor;
  log: Logger;
  /** The ingest stage's dependencies, with the digest-reply handler when one is wired. */
  deps: IngestDeps;
  /** What the pure stages need to know about the user, at `now`. */
  context(now: Date): IngestContext;
  close(): Promise<void>;
}

/** A server's password, resolved now and masked in every log line from here on. */
export async function serverPassword(config: Config, server: 'imap' | 'smtp'): Promise<string> {
  const source = server === 'imap' ? config.imap : config.smtp;
  if (!source) throw new Error(`${server}: not configured`);
  const password = await resolvePassword(source, process.env, { label: server });
  registerSecret(password);
  return password;
}

export interface AppOptions {
  log?: Logger;
  /** --verbose lowers the config's level to debug. */
  verbose?: boolean;
  onDigestReply?: DigestReplyHandler;
}

export function loggerFor(config: Pick<Config, 'logLevel'>, verbose = false): Logger {
  const level: LogLevel = verbose ? 'debug' : config.logLevel;
  return createLogger({ level });
}

export async function openApp(config: Config, options: AppOptions = {}): Promise<App> {
  const log = options.log ?? loggerFor(config, options.verbose);
  const store = await openStore(config.store.path);
  const extractor = createExtractor(undefined, undefined, config.country);
  const onDigestReply = options.onDigestReply ?? digestReplyHandler(config, log);
  // Confirmations go to the store's outbox in the batch's own transaction (see digest/deliver.ts sendOutbox).
  const deps: IngestDeps = { store, extractor, log, onDigestReply, inCommit: queueConfirmations };
  return {
    config,
    store,
    extractor,
    log,
    deps,
    context: (now) => ({
      me: config.me,
      now,
      timeZone: config.timezone,
      holidays: config.holidays,
      trackAddress: config.trackAddress,
      confirm: config.digest.confirm,
    }),
    close: () => store.close(),
  };
}

/** The user's IMAP session, the password or access token resolved and masked first (a refused token: see withCredential). */
export async function openUserImap(app: App): Promise<ImapSession> {
  const { imap } = app.config;
  const at = { host: imap.host, port: imap.port, secure: imap.secure, allowInsecure: imap.allowInsecure, user: imap.user, maxMessageBytes: imap.maxMessageBytes, log: app.log };
  const refused = (error: unknown) => error instanceof FollowthruError && error.code === 'EIMAP_AUTH';
  return withCredential(app.config, 'imap', (credential) => openImap({ ...at, ...credential }), refused);
}

/** Sends `mail` over the user's SMTP server; with null, only logs in (for doctor). A refused token: see withCredential. */
export async function userSmtp(config: Config, mail: OutgoingMail | null): Promise<void> {
  const smtp = config.smtp;
  if (!smtp) throw new Error('smtp: not configured');
  const send = (login: SmtpLogin) => (mail ? sendSmtp(mail, smtp, login) : verifySmtp(smtp, login));
  if (!smtp.user) return send(null);
  return withCredential(config, 'smtp', send, isSmtpAuthRefusal);
}
