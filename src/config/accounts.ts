// Several mailboxes in one file. A file with "accounts": [...] is read as one single-account file per
// account (shared settings, then the account's own keys over them), so every check and default written for
// one account applies to each, and problems name the account they are in. A file without "accounts" is one
// account with id "default": today's files keep working unchanged.
import { FollowthruError } from '../errors.js';
import type { Problem } from './problems.js';
import type { Config } from './types.js';

export const DEFAULT_ACCOUNT = 'default';

/** Keys only an account has. */
const OWN_KEYS = ['me', 'imap', 'smtp', 'trackAddress'] as const;
/** Shared keys an account may override. */
const OVERRIDABLE = ['timezone', 'holidays', 'followUp', 'backfillDays'] as const;
const ACCOUNT_KEYS = new Set<string>(['id', ...OWN_KEYS, ...OVERRIDABLE]);
/**
 * Shared keys an account may NOT override: they shape the one digest and review every account shares. Keep in
 * touch is one of them: one set of rules for who counts (excludeDomains can list each account's company), so
 * the single Keep in touch section means the same in every account; an override would be silently ignored.
 */
const SHARED_ONLY = new Set<string>([
  'digest',
  'weeklyReview',
  'keepInTouch',
  'checkIn',
  'store',
  'logLevel',
  'authservId',
  'country',
]);
const ID = /^[a-z0-9][a-z0-9_-]{0,31}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One account's view of the file: what the single-account schema reads. */
export interface AccountInput {
  id: string;
  /** Where this account sits in the file, for problems: "accounts.1". */
  at: string;
  json: Json;
}

/** Prefixes a problem path with the account's place when the key is one the account set. */
export function placeProblem(problem: Problem, account: AccountInput, ownKeys: ReadonlySet<string>): Problem {
  const first = problem.path.split('.')[0] ?? '';
  return ownKeys.has(first) ? { ...problem, path: `${account.at}.${problem.path}` } : problem;
}

export function hasAccounts(input: unknown): boolean {
  return isObject(input) && 'accounts' in input;
}

/**
 * Splits a multi-account file into one single-account object per account. The digest is delivered by the
 * account named in digest.account (default: the first), so only that one needs what delivery needs.
 */
export function splitAccounts(input: Json): { accounts: AccountInput[]; problems: Problem[]; ownKeys: Set<string>[] } {
  const problems: Problem[] = [];
  const list = input.accounts;
  for (const key of OWN_KEYS) {
    if (key in input) {
      problems.push({ path: key, problem: 'is set beside "accounts"', fix: `move it into each account of "accounts"` });
    }
  }
  if (!Array.isArray(list) || list.length === 0) {
    problems.push({
      path: 'accounts',
      problem: 'expected a list of accounts, at least one',
      fix: 'e.g. "accounts": [{ "id": "work", "me": [...], "imap": {...} }]',
    });
    return { accounts: [], problems, ownKeys: [] };
  }
  const shared: Json = Object.fromEntries(
    Object.entries(input).filter(([k]) => k !== 'accounts' && !OWN_KEYS.includes(k as never)),
  );
  const digest = isObject(shared.digest) ? shared.digest : {};
  const deliveringId = typeof digest.account === 'string' ? digest.account : undefined;
  const seen = new Set<string>();
  const accounts: AccountInput[] = [];
  const ownKeys: Set<string>[] = [];
  list.forEach((entry, index) => {
    const at = `accounts.${index}`;
    if (!isObject(entry)) {
      problems.push({
        path: at,
        problem: 'expected an object',
        fix: 'e.g. { "id": "work", "me": [...], "imap": {...} }',
      });
      return;
    }
    const id = entry.id;
    if (typeof id !== 'string' || !ID.test(id)) {
      problems.push({
        path: `${at}.id`,
        problem: 'expected a short name of lower-case letters, digits, - or _',
        fix: 'e.g. "work" or "personal"',
      });
      return;
    }
    if (seen.has(id))
      problems.push({ path: `${at}.id`, problem: `"${id}" names two accounts`, fix: 'give each account its own id' });
    seen.add(id);
    for (const key of Object.keys(entry)) {
      if (SHARED_ONLY.has(key)) {
        problems.push({
          path: `${at}.${key}`,
          problem: 'is shared by every account and cannot be set per account',
          fix: `set "${key}" once at the top level, beside "accounts" (an account may override only ${OVERRIDABLE.join(', ')})`,
        });
      } else if (!ACCOUNT_KEYS.has(key)) {
        problems.push({
          path: `${at}.${key}`,
          problem: 'is not a setting an account can have',
          fix: `known here: ${[...ACCOUNT_KEYS].join(', ')}`,
        });
      }
    }
    const own = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== 'id' && ACCOUNT_KEYS.has(k)));
    const delivers = deliveringId === undefined ? accounts.length === 0 : deliveringId === id;
    // An account that does not deliver the digest needs no smtp block for it: read its digest as filed.
    const json: Json = {
      ...shared,
      ...own,
      digest: delivers ? withoutAccount(digest) : { ...withoutAccount(digest), deliver: 'imap' },
    };
    if (!('digest' in shared)) delete json.digest;
    accounts.push({ id, at, json });
    ownKeys.push(new Set([...OWN_KEYS, ...Object.keys(own)])); // an account's own keys are its own even when missing
  });
  if (deliveringId !== undefined && !seen.has(deliveringId)) {
    problems.push({
      path: 'digest.account',
      problem: `names no account ("${deliveringId}")`,
      fix: `use one of: ${[...seen].join(', ')}`,
    });
  }
  return { accounts, problems, ownKeys };
}

function withoutAccount(digest: Json): Json {
  const { account: _account, ...rest } = digest;
  return rest;
}

/** The config as one account sees it: that account's fields on top, every account still listed. */
export function configForAccount(config: Config, id: string): Config {
  const account = config.accounts.find((a) => a.id === id);
  if (!account)
    throw new FollowthruError(
      'ECONFIG',
      `no account "${id}" in ${config.configPath} — fix: use one of ${config.accounts.map((a) => a.id).join(', ')}`,
    );
  return { ...account, accounts: config.accounts };
}
