// What each config field should hold and how to fix it, in one table, so every message reads
// `<field.path>: <problem> — fix: <how>` and none ever echoes a value (it might be a password).
import { HOLIDAY_COUNTRIES } from '../extract/due/holidays.js';

export interface Problem {
  path: string;
  problem: string;
  fix: string;
}

type Hint = readonly [problem: string, fix: string];

const BOOL = 'expected true or false';
const ADDRESS: Hint = ['expected an email address', 'write it as name@domain, e.g. "you@example.com"'];
const ZONE: Hint = ['expected an IANA time zone name', 'use a name like "Europe/London" or "America/New_York"'];

function serverHints(block: 'imap' | 'smtp', tls: number, starttls: number): Record<string, Hint> {
  return {
    [block]: ['expected an object', `copy the "${block}" block from config.example.json`],
    [`${block}.host`]: ['expected the server host name', `e.g. "${block}.example.com"`],
    [`${block}.port`]: ['expected a number from 1 to 65535', `use ${tls} for implicit TLS or ${starttls} for STARTTLS`],
    [`${block}.secure`]: [BOOL, `true for implicit TLS (port ${tls}), false for STARTTLS (port ${starttls})`],
    [`${block}.user`]: ['expected the login name', 'usually your email address'],
    [`${block}.passwordEnv`]: [
      'expected the name of an environment variable',
      'letters, digits and _, e.g. "FOLLOWTHRU_PASSWORD"',
    ],
    [`${block}.passwordCommand`]: ['expected a shell command that prints the password', 'e.g. "pass show mail/work"'],
    [`${block}.password`]: ['expected a string', 'better: use passwordEnv or passwordCommand instead'],
    [`${block}.allowInsecure`]: [BOOL, 'leave it false; only loopback tests need plaintext'],
    [`${block}.oauth2`]: ['expected an object', 'e.g. "oauth2": { "provider": "microsoft", "clientId": "…" }'],
    [`${block}.oauth2.provider`]: [
      'expected "microsoft", "google" or "custom"',
      'custom takes tokenUrl and deviceAuthorizationUrl or authorizeUrl',
    ],
    [`${block}.oauth2.clientId`]: [
      'expected the client ID of the app you registered',
      'see README: "Connect your own account"',
    ],
    [`${block}.oauth2.clientSecretEnv`]: [
      'expected the name of an environment variable',
      'letters, digits and _, e.g. "FOLLOWTHRU_CLIENT_SECRET"',
    ],
    [`${block}.oauth2.tenant`]: [
      'expected a Microsoft tenant',
      '"common", "organizations", "consumers", or your tenant ID or domain',
    ],
    [`${block}.oauth2.scopes`]: ['expected a list of scopes', "remove it to use the provider's"],
    [`${block}.oauth2.scopes.*`]: ['expected a scope', 'e.g. "https://mail.google.com/"'],
    [`${block}.oauth2.authorizeUrl`]: ['expected a URL', 'the authorization endpoint, https://…'],
    [`${block}.oauth2.tokenUrl`]: ['expected a URL', 'the token endpoint, https://…'],
    [`${block}.oauth2.deviceAuthorizationUrl`]: ['expected a URL', 'the device authorization endpoint, https://…'],
    [`${block}.oauth2.tokenCommand`]: [
      'expected a shell command that prints an access token',
      'e.g. "oama access you@company.com"',
    ],
  };
}

const HINTS: Record<string, Hint> = {
  '': ['expected a JSON object', 'start from config.example.json'],
  me: ['expected a list of your email addresses, at least one', 'e.g. "me": ["you@example.com"]'],
  'me.*': ADDRESS,
  timezone: [ZONE[0], `${ZONE[1]}, or remove it to use the system zone`],
  backfillDays: ['expected a whole number of days from 0 to 3650', 'e.g. 30'],
  logLevel: ['expected one of trace, debug, info, warn, error, silent', 'e.g. "info"'],
  store: ['expected an object', 'e.g. "store": { "path": "./followthru.db" }'],
  'store.path': ['expected a file path', 'e.g. "./followthru.db" (relative to the config file)'],
  ...serverHints('imap', 993, 143),
  'imap.sentFolder': ['expected a folder name', 'e.g. "[Gmail]/Sent Mail", or remove it to find Sent by itself'],
  'imap.draftsFolder': ['expected a folder name', 'e.g. "[Gmail]/Drafts", or remove it to find Drafts by itself'],
  'checkIn.afterDays': ['expected whole days from 0 to 365', 'e.g. 14 (0 turns check-ins off)'],
  keepInTouch: ['expected an object', 'e.g. "keepInTouch": { "enabled": true }'],
  'keepInTouch.enabled': ['expected true or false', 'e.g. true'],
  'keepInTouch.minExchanges': ['expected a whole number from 1 to 1000', 'e.g. 3'],
  'keepInTouch.floorDays': ['expected whole days from 1 to 3650', 'e.g. 14'],
  'keepInTouch.maxPerDay': ['expected a whole number from 0 to 50', 'e.g. 3 (0 turns suggestions off)'],
  'keepInTouch.excludeDomains': ['expected a list of domains', 'e.g. ["mycompany.example"]'],
  'keepInTouch.excludeDomains.*': ['expected a domain name', 'e.g. "mycompany.example"'],
  'imap.inboxFolder': ['expected a folder name', 'e.g. "INBOX"'],
  'imap.maxMessageBytes': ['expected a whole number of bytes from 65536 to 1073741824', 'e.g. 26214400 (25 MiB)'],
  ...serverHints('smtp', 465, 587),
  'smtp.user': ['expected the login name', 'usually your email address; remove it for a relay without login'],
  digest: ['expected an object', 'copy the "digest" block from config.example.json'],
  'digest.cron': ['expected a cron expression of 5 fields', 'e.g. "30 7 * * 1-5" (07:30 on weekdays)'],
  'digest.timezone': [ZONE[0], `${ZONE[1]}, or remove it to use the top-level timezone`],
  'digest.to': ADDRESS,
  'digest.deliver': ['expected "smtp" or "imap"', '"smtp" sends the digest, "imap" files it into your inbox'],
  'digest.confirm': [BOOL, 'true confirms the commands you send by replying to a digest'],
  'digest.quiet': [BOOL, 'true skips the digest on days with nothing to report'],
  'digest.maxItems': ['expected a whole number from 1 to 500', 'e.g. 25'],
  weeklyReview: ['expected an object', 'e.g. "weeklyReview": { "enabled": true, "cron": "0 16 * * 5" }'],
  'weeklyReview.enabled': [BOOL, 'true sends the weekly review, false never'],
  'weeklyReview.cron': ['expected a cron expression of 5 fields', 'e.g. "0 16 * * 5" (Friday 16:00)'],
  trackAddress: ADDRESS,
  authservId: [
    'expected the host name your provider writes first in Authentication-Results',
    'e.g. "mx.google.com", or remove it to read the topmost header',
  ],
  followUp: ['expected an object', 'e.g. "followUp": { "afterBusinessDays": [3, 7, 14], "maxNudges": 3 }'],
  'followUp.afterBusinessDays': ['expected a list of whole numbers of business days', 'e.g. [3, 7, 14]'],
  'followUp.afterBusinessDays.*': ['expected a whole number of business days from 1 to 365', 'e.g. 3'],
  'followUp.maxNudges': ['expected a whole number from 0 to 20', 'e.g. 3'],
  'followUp.templates': [
    'expected an object',
    'e.g. "templates": { "waiting": "{greeting} any news on \\"{subject}\\"?" }',
  ],
  'followUp.templates.waiting': ['expected the text of a follow-up', 'e.g. "{greeting} any news on \\"{subject}\\"?"'],
  'followUp.templates.theirPromise': [
    'expected the text of a follow-up',
    'e.g. "{greeting} you mentioned you would {promised}{due}."',
  ],
  'followUp.templates.lastNote': [
    'expected the text of a closing note',
    'e.g. "{greeting} I will close this on my side."',
  ],
  holidays: ['expected a list of dates', 'e.g. ["2025-12-25"]'],
  'holidays.*': ['expected a real date written YYYY-MM-DD', 'e.g. "2025-12-25"'],
  country: [`expected one of ${HOLIDAY_COUNTRIES.join(', ')}`, 'the country whose named holidays you write, e.g. "US"'],
};

/** "imap.port", "me.2" → the table's "me.*". */
const hintKey = (path: readonly PropertyKey[]): string =>
  path.map((p) => (typeof p === 'number' ? '*' : String(p))).join('.');
export const pathText = (path: readonly PropertyKey[]): string => path.map(String).join('.') || '(top level)';

/** The subset of a zod issue this needs: kept structural so that config.ts stays the only file that imports zod. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Turns one schema issue into problems. `isMissing` tells "absent" from "wrong". */
export function problemsFromIssue(issue: IssueLike, isMissing: (path: readonly PropertyKey[]) => boolean): Problem[] {
  if (issue.code === 'unrecognized_keys') {
    const prefix = issue.path.length ? `${hintKey(issue.path)}.` : '';
    const known = Object.keys(HINTS)
      .filter((k) => k.length > prefix.length && k.startsWith(prefix))
      .map((k) => k.slice(prefix.length))
      .filter((k) => !k.includes('.') && k !== '*');
    return (issue.keys ?? []).map((key) => ({
      path: pathText([...issue.path, key]),
      problem: 'is not a known setting',
      fix: `check the spelling (known here: ${known.join(', ')}), or start its name with "//" to keep it as a comment`,
    }));
  }
  const hint = HINTS[hintKey(issue.path)];
  const problem = isMissing(issue.path) ? 'is required' : (hint?.[0] ?? issue.message);
  return [{ path: pathText(issue.path), problem, fix: hint?.[1] ?? 'see config.example.json' }];
}

export function formatProblems(file: string, problems: readonly Problem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = problems.map((p) => `${p.path}: ${p.problem} — fix: ${p.fix}`);
  return [`the config ${file} has ${count}:`, ...lines].join('\n');
}
