// Composition root: config → adapters (store, extractor, logger) → the stages. Commands start here.
// The heavy stages (compromise, chrono, imapflow, nodemailer) are imported when a command opens them, not
// before: a `followthru list` needs the store, never the NLP, and starts in a fraction of the time.
import { withCredential } from './auth/credential.js';
import { type Config, configForAccount } from './config.js';
import type { OutgoingMail, SmtpLogin } from './digest/send.js';
import type { Transport } from './digest/transport.js';
import { FollowthruError } from './errors.js';
import type { Extractor } from './extract/index.js';
import type { DigestReplyHandler, IngestContext, IngestDeps } from './ingest/batch.js';
import type { Confirmation } from './types.js';
import { createLogger, type Logger, type LogLevel } from './log.js';
import { defaultLogFormat, type LogFormat } from './log-format.js';
import type { ImapSession } from './source/imap.js';
import { openStore, type OpenStoreOptions, queueConfirmations, type Store } from './store/index.js';

/** What every command that reads the store gets: the config, the store, a logger. */
export interface StoreApp {
  config: Config;
  store: Store;
  log: Logger;
  /** What the pure stages need to know about the user, at `now`. */
  context(now: Date): IngestContext;
  close(): Promise<void>;
}

/** The whole pipeline: a StoreApp plus the extractor and the ingest stage's dependencies. */
export interface App extends StoreApp {
  extractor: Extractor;
  /** The ingest stage's dependencies, with the digest-reply handler when one is wired. */
  deps: IngestDeps;
  /** Overrides the configured delivery (tests, --dry-run): see digest/deliver.ts transportFor. */
  transport?: Transport;
  /** Items a reply asked a follow-up draft for, committed and waiting to be filed in Drafts (see draft/file.ts). */
  draftQueue: number[];
}

export interface AppOptions {
  log?: Logger;
  /** --verbose lowers the config's level to debug. */
  verbose?: boolean;
  /** --log-format; by default human on a terminal, JSON elsewhere (systemd). */
  logFormat?: LogFormat;
  onDigestReply?: DigestReplyHandler;
  transport?: Transport;
}

export function loggerFor(
  config: Pick<Config, 'logLevel'>,
  verbose = false,
  format: LogFormat = defaultLogFormat(),
): Logger {
  const level: LogLevel = verbose ? 'debug' : config.logLevel;
  return createLogger({ level, format });
}

/** The store alone (list, status, backup, item commands): no NLP, no IMAP loaded. */
export async function openStoreApp(config: Config, options: AppOptions & OpenStoreOptions = {}): Promise<StoreApp> {
  const store = await openStore(config.store.path, { readOnly: options.readOnly });
  let log = options.log;
  return {
    config,
    store,
    // Made on first use: a `list` that logs nothing never loads the logger's library.
    get log() {
      return (log ??= loggerFor(config, options.verbose, options.logFormat));
    },
    context: contextOf(config),
    close: () => store.close(),
  };
}

function contextOf(config: Config): (now: Date) => IngestContext {
  return (now) => ({
    me: config.me,
    now,
    timeZone: config.timezone,
    holidays: config.holidays,
    trackAddress: config.trackAddress,
    checkInAfterDays: config.checkIn.afterDays,
    confirm: config.digest.confirm,
  });
}

/**
 * The app as one account's worker sees it: that account's settings and server, the store scoped to it. Replies
 * to the digest are still checked against the digest's owner, and reach items of any account by their id.
 */
export function accountApp(app: App, id: string, label = app.config.accounts.length > 1): App {
  const config = configForAccount(app.config, id);
  const store = app.store.forAccount(id);
  const log = label ? app.log.child({ account: id }) : app.log;
  return {
    ...app,
    config,
    store,
    log,
    deps: { ...app.deps, store, log },
    context: contextOf(config),
    close: async () => undefined, // the store belongs to the app the worker came from
  };
}

export async function openApp(config: Config, options: AppOptions = {}): Promise<App> {
  const [{ createExtractor }, { createExtractionPool, defaultPoolSize }, { digestReplyHandler }] = await Promise.all([
    import('./extract/index.js'),
    import('./extract/pool.js'),
    import('./commands/handle.js'),
  ]);
  const base = await openStoreApp(config, options);
  const extractor = createExtractor(undefined, undefined, config.country);
  // Opt-in (see defaultPoolSize): without workers, each mail is extracted in line by the loop itself.
  const pool = defaultPoolSize() > 0 ? createExtractionPool(extractor, { country: config.country }) : undefined;
  const onDigestReply = options.onDigestReply ?? digestReplyHandler(config, base.log);
  const draftQueue: number[] = [];
  // Confirmations go to the store's outbox in the batch's own transaction (see digest/deliver.ts sendOutbox);
  // drafts a reply asked for wait in memory until the batch has committed.
  const afterCommit = (_sent: Confirmation[], drafts: number[]): void => {
    draftQueue.push(...drafts);
  };
  const deps: IngestDeps = {
    store: base.store,
    extractor,
    log: base.log,
    onDigestReply,
    inCommit: queueConfirmations,
    afterCommit,
    ...(pool ? { pool } : {}),
  };
  const close = async () => {
    await pool?.close();
    await base.close();
  };
  return {
    ...base,
    close,
    extractor,
    deps,
    draftQueue,
    ...(options.transport ? { transport: options.transport } : {}),
  };
}

/** The user's IMAP session, the password or access token resolved and masked first (a refused token: see withCredential). */
export async function openUserImap(app: Pick<StoreApp, 'config' | 'log'>): Promise<ImapSession> {
  const { openImap } = await import('./source/imap.js');
  const { imap } = app.config;
  const at = {
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    allowInsecure: imap.allowInsecure,
    user: imap.user,
    maxMessageBytes: imap.maxMessageBytes,
    log: app.log,
  };
  const refused = (error: unknown) => error instanceof FollowthruError && error.code === 'EIMAP_AUTH';
  return withCredential(app.config, 'imap', (credential) => openImap({ ...at, ...credential }), refused);
}

/** Sends `mail` over the user's SMTP server; with null, only logs in (for doctor). A refused token: see withCredential. */
export async function userSmtp(config: Config, mail: OutgoingMail | null): Promise<void> {
  const smtp = config.smtp;
  if (!smtp) throw new Error('smtp: not configured');
  const { isSmtpAuthRefusal, sendSmtp, verifySmtp } = await import('./digest/send.js'); // nodemailer, on first use
  const send = (login: SmtpLogin) => (mail ? sendSmtp(mail, smtp, login) : verifySmtp(smtp, login));
  if (!smtp.user) return send(null);
  return withCredential(config, 'smtp', send, isSmtpAuthRefusal);
}
