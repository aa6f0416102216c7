// Defaults that depend on other fields or on where the file is: TLS mode ↔ port, digest.to = me[0],
// digest.timezone = timezone, store.path relative to the config file. The result is a fresh object tree.
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ParsedConfig } from './schema.js';
import { DEFAULT_ACCOUNT } from './accounts.js';
import { canonicalTimeZone, hasPasswordSource, systemTimeZone } from './checks.js';
import { effectiveSmtpOAuth2, resolveOAuth2, sameSignIn } from './oauth2.js';
import type { AccountConfig, PasswordSource, ServerConfig } from './types.js';

type ParsedServer = ParsedConfig['imap'] | NonNullable<ParsedConfig['smtp']>;

/** [implicit TLS port, STARTTLS port] */
export const IMAP_PORTS = [993, 143] as const;
export const SMTP_PORTS = [465, 587] as const;

/**
 * Port and TLS mode, each defaulted from the other; with neither, `preferTls` decides (IMAP: TLS on 993;
 * SMTP: STARTTLS on 587, the submission port most providers document).
 */
export function serverConfig(s: ParsedServer, ports: readonly [number, number], preferTls: boolean): ServerConfig {
  const [tls, starttls] = ports;
  const secure = s.secure ?? (s.port === tls ? true : s.port === starttls ? false : preferTls);
  const sources: PasswordSource = {};
  if (s.passwordEnv != null) sources.passwordEnv = s.passwordEnv;
  if (s.passwordCommand != null) sources.passwordCommand = s.passwordCommand;
  if (s.password != null) sources.password = s.password;
  const port = s.port ?? (secure ? tls : starttls);
  return { host: s.host, port, secure, allowInsecure: s.allowInsecure, ...sources, oauth2: null };
}

function storePath(path: string, configDir: string): string {
  if (path === ':memory:') return path;
  const expanded = path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path;
  return resolve(configDir, expanded);
}

/** Each sign-in's refresh token sits in a file of its own beside the store (beside the config for :memory:). */
function tokenFileOf(store: string, configPath: string, block: 'imap' | 'smtp', account: string): string {
  const root = store === ':memory:' ? join(dirname(configPath), 'followthru') : store;
  // Per account, so two accounts' sign-ins never share a file; the single account keeps today's name.
  const base = account === DEFAULT_ACCOUNT ? root : `${root}.${account}`;
  return `${base}${block === 'imap' ? '' : '.smtp'}.oauth2.json`;
}

/** imap's and smtp's oauth2 as they apply; smtp shares imap's token file when it is the same sign-in. */
function oauth2Of(parsed: ParsedConfig, store: string, configPath: string, account: string) {
  const imapRaw = parsed.imap.oauth2 ?? null;
  const imap =
    imapRaw && !hasPasswordSource(parsed.imap)
      ? resolveOAuth2(imapRaw, tokenFileOf(store, configPath, 'imap', account))
      : null;
  const s = parsed.smtp;
  const smtpRaw = s ? effectiveSmtpOAuth2(imapRaw, { ...s, hasPassword: hasPasswordSource(s) }) : null;
  let smtp =
    smtpRaw && s && !hasPasswordSource(s)
      ? resolveOAuth2(smtpRaw, tokenFileOf(store, configPath, 'smtp', account))
      : null;
  if (imap && smtp && sameSignIn(imap, smtp)) smtp = imap;
  return { imap, smtp };
}

export function finalize(
  parsed: ParsedConfig,
  configPath: string,
  account: string = DEFAULT_ACCOUNT,
): Omit<AccountConfig, 'id'> {
  const me = [...new Set(parsed.me)];
  const timezone = canonicalTimeZone(parsed.timezone ?? systemTimeZone());
  const smtp = parsed.smtp;
  const store = storePath(parsed.store.path, dirname(configPath));
  const oauth2 = oauth2Of(parsed, store, configPath, account);
  return {
    configPath,
    me,
    timezone,
    backfillDays: parsed.backfillDays,
    logLevel: parsed.logLevel,
    store: { path: store },
    imap: {
      ...serverConfig(parsed.imap, IMAP_PORTS, true),
      oauth2: oauth2.imap,
      user: parsed.imap.user,
      sentFolder: parsed.imap.sentFolder ?? null,
      draftsFolder: parsed.imap.draftsFolder ?? null,
      inboxFolder: parsed.imap.inboxFolder,
      maxMessageBytes: parsed.imap.maxMessageBytes,
    },
    smtp: smtp ? { ...serverConfig(smtp, SMTP_PORTS, false), oauth2: oauth2.smtp, user: smtp.user ?? null } : null,
    digest: {
      ...parsed.digest,
      account: parsed.digest.account ?? null,
      timezone: parsed.digest.timezone ? canonicalTimeZone(parsed.digest.timezone) : timezone,
      to: parsed.digest.to ?? (me[0] as string), // the schema requires at least one address
    },
    weeklyReview: { ...parsed.weeklyReview },
    trackAddress: parsed.trackAddress ?? null,
    authservId: parsed.authservId?.toLowerCase() ?? null,
    // Copies: zod hands back its default arrays as-is, and the caller is about to freeze this tree.
    followUp: {
      afterBusinessDays: [...parsed.followUp.afterBusinessDays],
      maxNudges: parsed.followUp.maxNudges,
      templates: Object.fromEntries(Object.entries(parsed.followUp.templates).filter(([, t]) => t != null)),
    },
    checkIn: { afterDays: parsed.checkIn.afterDays },
    keepInTouch: { ...parsed.keepInTouch, excludeDomains: [...parsed.keepInTouch.excludeDomains] },
    holidays: [...parsed.holidays],
    country: parsed.country,
  };
}
