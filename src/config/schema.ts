// The config file's schema: the only file that imports zod. config.ts validates with it; defaults.ts reads its output type.
import { z } from 'zod';
import { isCalendarDate, isTimeZone, looksLikeCron } from './checks.js';
import { DEFAULT_HOLIDAYS, isHolidayCountry } from '../extract/due/holidays.js';

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const text = () => z.string().trim().min(1);
const address = () => z.string().trim().toLowerCase().regex(EMAIL);
// null counts as "not set", so config.example.json can show every key, unset ones included.
const opt = <T extends z.ZodType>(schema: T) => schema.nullish();

const envName = () => z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/);

// Exactly one of a password source or this block; see config/oauth2.ts for the presets and the checks.
const oauth2 = z.strictObject({
  provider: opt(z.enum(['microsoft', 'google', 'custom'])),
  clientId: opt(text()),
  clientSecretEnv: opt(envName()),
  tenant: opt(text()),
  scopes: opt(z.array(text()).min(1)),
  authorizeUrl: opt(text()),
  tokenUrl: opt(text()),
  deviceAuthorizationUrl: opt(text()),
  tokenCommand: opt(text()),
});

const server = {
  host: text(),
  port: opt(z.int().min(1).max(65535)),
  secure: opt(z.boolean()),
  passwordEnv: opt(envName()),
  passwordCommand: opt(text()),
  password: opt(z.string().min(1)),
  allowInsecure: z.boolean().default(false),
  oauth2: opt(oauth2),
};

export const schema = z.strictObject({
  me: z.array(address()).min(1),
  timezone: opt(text().refine(isTimeZone)),
  backfillDays: z.int().min(0).max(3650).default(30),
  logLevel: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // prefault({}): an absent block is parsed as {}, so the defaults inside it apply.
  store: z.strictObject({ path: text().default('./followthru.db') }).prefault({}),
  imap: z.strictObject({
    ...server,
    user: text(),
    sentFolder: opt(text()),
    draftsFolder: opt(text()),
    inboxFolder: text().default('INBOX'),
    // 25 MiB: a mail with attachments a provider would still accept; a larger one is skipped, never buffered whole.
    maxMessageBytes: z
      .int()
      .min(64 * 1024)
      .max(1024 * 1024 * 1024)
      .default(25 * 1024 * 1024),
  }),
  smtp: opt(z.strictObject({ ...server, user: opt(text()) })),
  digest: z
    .strictObject({
      cron: z.string().trim().refine(looksLikeCron).default('30 7 * * 1-5'),
      timezone: opt(text().refine(isTimeZone)),
      to: opt(address()),
      deliver: z.enum(['smtp', 'imap']).default('smtp'),
      confirm: z.boolean().default(true),
      quiet: z.boolean().default(true),
      maxItems: z.int().min(1).max(500).default(25),
      // With several accounts: the one whose smtp (or inbox) delivers the digest. Default: the first.
      account: opt(text()),
    })
    .prefault({}),
  // Shared like the digest: one review covers every account, delivered the way the digest is.
  weeklyReview: z
    .strictObject({
      enabled: z.boolean().default(true),
      cron: z.string().trim().refine(looksLikeCron).default('0 16 * * 5'),
    })
    .prefault({}),
  trackAddress: opt(address()),
  authservId: opt(text()),
  followUp: z
    .strictObject({
      afterBusinessDays: z.array(z.int().min(1).max(365)).default([3, 7, 14]),
      maxNudges: z.int().min(0).max(20).default(3),
      templates: z
        .strictObject({ waiting: opt(text()), theirPromise: opt(text()), lastNote: opt(text()) })
        .prefault({}),
    })
    .prefault({}),
  checkIn: z.strictObject({ afterDays: z.int().min(0).max(365).default(14) }).prefault({}),
  keepInTouch: z
    .strictObject({
      enabled: z.boolean().default(true),
      minExchanges: z.int().min(1).max(1000).default(3),
      floorDays: z.int().min(1).max(3650).default(14),
      maxPerDay: z.int().min(0).max(50).default(3),
      excludeDomains: z
        .array(
          z
            .string()
            .trim()
            .toLowerCase()
            .regex(/^@?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/)
            .transform((d) => d.replace(/^@/, '')),
        )
        .default([]),
    })
    .prefault({}),
  holidays: z.array(z.string().refine(isCalendarDate)).default([]),
  country: z.string().trim().toUpperCase().refine(isHolidayCountry).default(DEFAULT_HOLIDAYS),
});

/** The schema's output: fields valid, block defaults applied, cross-field defaults not yet. */
export type ParsedConfig = z.output<typeof schema>;
