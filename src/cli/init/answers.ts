// What `init` needs to know, from flags or from questions, and the config it writes. Pure.
import type { PasswordSource } from '../../config.js';
import { presetFor } from './presets.js';

export interface InitAnswers {
  email: string;
  /** The IMAP (and SMTP) login, often but not always the address. */
  imapUser: string;
  /** Other addresses the user sends from: they join `me`. */
  aliases: string[];
  imapHost: string;
  imapPort: number;
  /** tls: implicit TLS; starttls; none: plaintext (loopback only, with allowInsecure). */
  imapSecurity: 'tls' | 'starttls' | 'none';
  /** A password source, or (null) an OAuth2 sign-in: `oauth2`. */
  password: PasswordSource | null;
  /** The imap.oauth2 block to write (smtp then signs in the same way). */
  oauth2?: Record<string, string> | null;
  timezone: string;
  /** "07:30" */
  digestTime: string;
  deliver: 'imap' | 'smtp';
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: 'tls' | 'starttls' | 'none';
  sentFolder: string | null;
}

export function defaultsFor(email: string, timezone: string): Omit<InitAnswers, 'password'> {
  const preset = presetFor(email);
  return {
    email,
    imapUser: email,
    aliases: [],
    imapHost: preset.imap.host,
    imapPort: preset.imap.port,
    imapSecurity: preset.imap.secure ? 'tls' : 'starttls',
    timezone,
    digestTime: '07:30',
    deliver: 'imap',
    smtpHost: preset.smtp.host,
    smtpPort: preset.smtp.port,
    smtpSecurity: preset.smtp.secure ? 'tls' : 'starttls',
    sentFolder: preset.sentFolder,
  };
}

/** "7:30" → "30 7 * * 1-5": weekdays, like the default. */
export function cronForTime(time: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) throw new Error(`--digest-time: "${time}" is not a time like 07:30`);
  return `${minute} ${hour} * * 1-5`;
}

function server(host: string, port: number, security: 'tls' | 'starttls' | 'none') {
  return { host, port, secure: security === 'tls', ...(security === 'none' ? { allowInsecure: true } : {}) };
}

export function configFrom(a: InitAnswers): Record<string, unknown> {
  // With oauth2 the smtp block names no password source: it signs in as imap does.
  const password =
    a.oauth2 || !a.password
      ? {}
      : a.password.passwordEnv
        ? { passwordEnv: a.password.passwordEnv }
        : { passwordCommand: a.password.passwordCommand };
  return {
    '//': 'Written by followthru init. Every field is explained in config.example.json. The password is not here: it comes from the environment variable or command named below.',
    me: [...new Set([a.email, ...a.aliases])],
    timezone: a.timezone,
    backfillDays: 30,
    store: { path: './followthru.db' },
    imap: {
      ...server(a.imapHost, a.imapPort, a.imapSecurity),
      user: a.imapUser,
      ...(a.oauth2 ? { oauth2: a.oauth2 } : password),
      sentFolder: a.sentFolder,
    },
    ...(a.deliver === 'smtp'
      ? { smtp: { ...server(a.smtpHost, a.smtpPort, a.smtpSecurity), user: a.imapUser, ...password } }
      : {}),
    digest: { cron: cronForTime(a.digestTime), deliver: a.deliver, to: a.email },
  };
}

const ACCOUNT_KEYS = ['me', 'imap', 'smtp', 'trackAddress'] as const;

/**
 * `init --add`: the existing file with one more account. A single-account file becomes "accounts" with its
 * mailbox as account "default" (the id its store rows already carry); shared settings stay where they are.
 */
export function addAccount(existing: Record<string, unknown>, id: string, a: InitAnswers): Record<string, unknown> {
  const written = configFrom(a);
  const added = { id, ...Object.fromEntries(ACCOUNT_KEYS.filter((k) => k in written).map((k) => [k, written[k]])) };
  const list = Array.isArray(existing.accounts) ? [...(existing.accounts as unknown[])] : null;
  if (list) {
    if (list.some((x) => (x as { id?: unknown } | null)?.id === id))
      throw new Error(`init --add: an account "${id}" exists — fix: pass another --id`);
    return { ...existing, accounts: [...list, added] };
  }
  if (id === 'default')
    throw new Error('init --add: "default" is the id of the account already in the file — fix: pass another --id');
  const first = {
    id: 'default',
    ...Object.fromEntries(ACCOUNT_KEYS.filter((k) => k in existing).map((k) => [k, existing[k]])),
  };
  const shared = Object.fromEntries(Object.entries(existing).filter(([k]) => !ACCOUNT_KEYS.includes(k as never)));
  return { ...shared, accounts: [first, added] };
}
