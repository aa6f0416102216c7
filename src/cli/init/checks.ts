// Each answer `init` takes, checked before anything connects: the same check for a flag and a typed answer.
// A check returns null when the value is fine, else what is wrong and how to write it. Pure.
import { isTimeZone } from '../../config/checks.js';

export type AnswerCheck = (value: string) => string | null;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export const CHECKS = {
  email: (v) => (EMAIL.test(v) ? null : `"${v}" is not an email address, e.g. you@example.com`),
  imapHost: (v) =>
    /^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:.]+\]?$/.test(v) ? null : `"${v}" is not a host name, e.g. imap.example.com`,
  imapPort: (v) => {
    const port = Number(v);
    return /^\d+$/.test(v) && port >= 1 && port <= 65535
      ? null
      : `"${v}" is not a port number from 1 to 65535, e.g. 993`;
  },
  imapSecurity: (v) => (['tls', 'starttls', 'none'].includes(v) ? null : `"${v}" is not one of tls, starttls, none`),
  imapUser: (v) => (v.trim() ? null : 'the login name is empty'),
  passwordEnv: (v) =>
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(v)
      ? null
      : 'that is not an environment variable name (letters, digits and _, e.g. MAIL_PASSWORD)',
  passwordCommand: (v) => (v.trim() ? null : 'the command is empty'),
  timezone: (v) => (isTimeZone(v) ? null : `"${v}" is not an IANA time zone, e.g. Europe/Berlin`),
  digestTime: (v) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(v.trim());
    return m && Number(m[1]) <= 23 && Number(m[2]) <= 59 ? null : `"${v}" is not a time like 07:30`;
  },
  deliver: (v) => (['imap', 'smtp'].includes(v) ? null : `"${v}" is not imap or smtp`),
  aliases: (v) => {
    const bad = splitList(v).filter((a) => !EMAIL.test(a));
    return bad.length ? `not email addresses: ${bad.join(', ')}` : null;
  },
} satisfies Record<string, AnswerCheck>;

export type AnswerName = keyof typeof CHECKS;

/** The flag that gives each answer on the command line. */
export const FLAG: Record<AnswerName, string> = {
  email: '--email',
  imapHost: '--imap-host',
  imapPort: '--imap-port',
  imapSecurity: '--imap-security',
  imapUser: '--imap-user',
  passwordEnv: '--password-env',
  passwordCommand: '--password-command',
  timezone: '--timezone',
  digestTime: '--digest-time',
  deliver: '--deliver',
  aliases: '--aliases',
};

/** "a@x, b@y" → ["a@x", "b@y"] (commas or spaces). */
export function splitList(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
}

/** Every flag given with a value that its check refuses, one line each; [] when all are fine. */
export function flagProblems(options: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const name of Object.keys(CHECKS) as AnswerName[]) {
    const value = options[name];
    if (typeof value !== 'string') continue;
    const problem = CHECKS[name](value.trim());
    if (problem) problems.push(`${FLAG[name]}: ${problem}`);
  }
  if (typeof options.passwordEnv === 'string' && typeof options.passwordCommand === 'string') {
    problems.push('--password-env and --password-command: give only one password source');
  }
  return problems;
}
