import type { FollowUpTemplates } from '../digest/suggest.js';

// The validated configuration, as every other module sees it: defaults applied, paths absolute, deeply frozen.

/** Where a password comes from. Exactly one must be set when the password is needed. */
export interface PasswordSource {
  /** The name of an environment variable holding the password. */
  passwordEnv?: string;
  /** A shell command (run with /bin/sh -c) that prints the password, like mbsync's PassCmd. */
  passwordCommand?: string;
  /** The password itself: allowed, discouraged, and refused in a file others can read. */
  password?: string;
}

export type OAuth2Provider = 'microsoft' | 'google' | 'custom';

/** A sign-in followthru runs itself (`followthru login`), with the provider's URLs and scopes filled in. */
export interface OAuth2SignIn {
  kind: 'signin';
  provider: OAuth2Provider;
  /** device: RFC 8628 device code (Microsoft); loopback: browser, redirect to 127.0.0.1, PKCE (Google). */
  flow: 'device' | 'loopback';
  clientId: string;
  /** The environment variable holding the client secret, for providers that issue one to desktop apps (Google). */
  clientSecretEnv: string | null;
  tenant: string;
  scopes: readonly string[];
  authorizeUrl: string | null;
  tokenUrl: string;
  deviceAuthorizationUrl: string | null;
  /** Extra query parameters for the authorize URL (Google needs access_type=offline to issue a refresh token). */
  authorizeParams: Readonly<Record<string, string>>;
  /** The file, beside the store, holding this sign-in's refresh token (mode 0600). */
  tokenFile: string;
}

/** An external helper prints a fresh access token (aerc's and mbsync's convention, e.g. `oama access me@x`). */
export interface OAuth2Command {
  kind: 'command';
  tokenCommand: string;
}

export type OAuth2Config = OAuth2SignIn | OAuth2Command;

export interface ServerConfig extends PasswordSource {
  host: string;
  port: number;
  /** true: implicit TLS from the first byte. false: STARTTLS, which the adapter must insist on unless allowInsecure. */
  secure: boolean;
  /** Plaintext without TLS is allowed only when true, and only to a loopback host (tests). */
  allowInsecure: boolean;
  /** XOAUTH2 instead of a password; null when a password source is used. */
  oauth2?: OAuth2Config | null;
}

export interface ImapConfig extends ServerConfig {
  user: string;
  /** Override for the Sent folder; null means find it by SPECIAL-USE \Sent. */
  sentFolder: string | null;
  /** Override for the Drafts folder (`draft N` files follow-ups there); null means find it by SPECIAL-USE \Drafts. */
  draftsFolder: string | null;
  /** Where replies to you (and to digests) arrive. */
  inboxFolder: string;
  /** The most fetched of one mail; a larger one is recorded in `skipped` and passed over. */
  maxMessageBytes: number;
}

export interface SmtpConfig extends ServerConfig {
  /** null for a relay that takes mail without login. */
  user: string | null;
}

export interface DigestConfig {
  /** When to send, cron syntax, read in `timezone`. */
  cron: string;
  timezone: string;
  /** Recipient of the digest. */
  to: string;
  /** "smtp" sends it; "imap" files it straight into the inbox folder. */
  deliver: 'smtp' | 'imap';
  /** Reply with a short confirmation after applying commands from a reply to a digest. */
  confirm: boolean;
  /** Send nothing on a day with nothing to report. */
  quiet: boolean;
  maxItems: number;
  /** With several accounts: the id of the one that delivers the digest, as written (null: the first). */
  account: string | null;
}

/** Once a week, one mail: promises made, kept and dropped, threads answered and waiting, people gone quiet. */
export interface WeeklyReviewConfig {
  enabled: boolean;
  /** When to send it, cron syntax, read in digest.timezone (default Friday 16:00). */
  cron: string;
}

export interface FollowUpConfig {
  /** Business days after which a silent thread is suggested for a nudge, increasing. */
  afterBusinessDays: readonly number[];
  maxNudges: number;
  /** The user's own wording for follow-up suggestions; a template left out uses the default. */
  templates: Partial<FollowUpTemplates>;
}

export type ConfigLogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** One mailbox's settings, shared ones resolved: what sync, tracking and the daemon's worker read. */
export interface KeepInTouchConfig {
  enabled: boolean;
  /** Exchanges (days with mail either way) within the last year before someone can go quiet. */
  minExchanges: number;
  /** The least silence, in days, that counts as gone quiet (else twice their usual gap). */
  floorDays: number;
  /** At most this many open suggestions at once. */
  maxPerDay: number;
  /** Domains never suggested (your own company), lower case, without "@". */
  excludeDomains: readonly string[];
}

export interface AccountConfig {
  /** "default" for a file without "accounts". */
  id: string;
  /** Absolute path of the file this came from. */
  configPath: string;
  /** The user's addresses and aliases, lower-cased, without duplicates; the first is the main one. */
  me: readonly string[];
  /** IANA zone used to read "Friday" and to decide what "today" is. */
  timezone: string;
  /** On the first sync, how far back to read Sent. */
  backfillDays: number;
  logLevel: ConfigLogLevel;
  store: { path: string };
  imap: ImapConfig;
  smtp: SmtpConfig | null;
  digest: DigestConfig;
  weeklyReview: WeeklyReviewConfig;
  /** An address of yours that, Bcc'd or forwarded to, marks a mail for tracking; null when unused. */
  trackAddress: string | null;
  /**
   * The authserv-id your provider writes in Authentication-Results ("mx.example.com"): a reply to a digest
   * is refused when that header says dmarc=fail or spf=fail for your domain. null: the topmost header is read.
   */
  authservId: string | null;
  followUp: FollowUpConfig;
  /** After a deal closes or a delivery happens in your sent mail, a "check in" item this many days later; 0: never. */
  checkIn: { afterDays: number };
  /** People gone quiet, suggested in the digest's "Keep in touch" section. */
  keepInTouch: KeepInTouchConfig;
  /** Days (YYYY-MM-DD) that are not business days. */
  holidays: readonly string[];
  /** Whose named holidays a due date may name ("Labor Day", "Thanksgiving", "Boxing Day"): "US", "GB", … */
  country: string;
}

/**
 * The whole file. Its account fields (id, me, imap, ...) are those of the account that delivers the digest,
 * so code written for one mailbox reads them unchanged; `accounts` lists every account, in file order.
 */
export interface Config extends AccountConfig {
  accounts: readonly AccountConfig[];
}
