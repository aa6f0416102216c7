// One schema (config/schema.ts) → a frozen, validated Config.
// Flow: read → parse JSON → drop "//" comment keys → schema → cross-field checks → defaults → freeze.
// Every problem found is reported at once, one per line, so a user fixes the file in one pass.
import { checkIncreasing, checkServer, hasPasswordSource } from './config/checks.js';
import { finalize, IMAP_PORTS, SMTP_PORTS, serverConfig } from './config/defaults.js';
import { type AccountInput, DEFAULT_ACCOUNT, hasAccounts, placeProblem, splitAccounts } from './config/accounts.js';
// Here too for the callers that have the config module at hand; it lives with accounts.ts so a command can use
// it without loading zod (`--help` loads no validation: test/cli/startup.test.ts).
export { configForAccount } from './config/accounts.js';
import { checkPermissions, deepFreeze, parseJson, readConfigFile, stripComments } from './config/file.js';
import { locateConfig } from './config/locate.js';
import { checkCredentials, effectiveSmtpOAuth2 } from './config/oauth2.js';
import { formatProblems, type Problem, problemsFromIssue } from './config/problems.js';
import type { AccountConfig, Config } from './config/types.js';
import { PLACEHOLDERS, unknownPlaceholders } from './digest/suggest.js';
import { FollowthruError } from './errors.js';

export { DEFAULT_ACCOUNT } from './config/accounts.js';
export { resolvePassword, resolveTokenCommand } from './config/secret.js';
export type * from './config/types.js';

import { schema } from './config/schema.js';

export type { ParsedConfig } from './config/schema.js';
/**
 * Rules across fields. Each block is parsed on its own, so these run (and report) even when another part of
 * the file has errors: the user sees every problem in one pass.
 */
function crossChecks(input: unknown): Problem[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return []; // already reported
  const at = (key: string): unknown => valueAt(input, [key]);
  const problems: Problem[] = [];
  const imap = schema.shape.imap.safeParse(at('imap'));
  const smtp = schema.shape.smtp.safeParse(at('smtp'));
  const digest = schema.shape.digest.safeParse(at('digest'));
  const followUp = schema.shape.followUp.safeParse(at('followUp'));
  if (imap.success) {
    problems.push(...checkServer('imap', serverConfig(imap.data, IMAP_PORTS, true), IMAP_PORTS));
    problems.push(...checkCredentials('imap', imap.data, imap.data.oauth2 ?? null, true));
  }
  if (smtp.success && smtp.data) {
    problems.push(...checkServer('smtp', serverConfig(smtp.data, SMTP_PORTS, false), SMTP_PORTS));
    const imapOAuth2 = imap.success ? imap.data.oauth2 : null;
    const effective = effectiveSmtpOAuth2(imapOAuth2, { ...smtp.data, hasPassword: hasPasswordSource(smtp.data) });
    problems.push(...checkCredentials('smtp', smtp.data, effective, smtp.data.user != null));
  }
  if (smtp.success && !smtp.data && digest.success && digest.data.deliver === 'smtp') {
    const fix = 'add an "smtp" block, or set "digest": { "deliver": "imap" } to file the digest into your inbox';
    problems.push({ path: 'smtp', problem: 'is required when digest.deliver is "smtp" (the default)', fix });
  }
  if (followUp.success) {
    problems.push(...checkIncreasing('followUp.afterBusinessDays', followUp.data.afterBusinessDays));
    for (const [name, template] of Object.entries(followUp.data.templates)) {
      const unknown = typeof template === 'string' ? unknownPlaceholders(template) : [];
      if (unknown.length) {
        problems.push({
          path: `followUp.templates.${name}`,
          problem: `uses ${unknown.map((u) => `{${u}}`).join(', ')}, which is not a placeholder`,
          fix: `use only ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        });
      }
    }
  }
  return problems;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as never)[key] : undefined;
  return value;
}

/** One account's object (a whole single-account file, or one account of several): validated, or its problems. */
function parseAccount(input: unknown, configPath: string, id: string): { config?: AccountConfig; problems: Problem[] } {
  const result = schema.safeParse(input);
  const problems: Problem[] = [];
  if (!result.success) {
    const isMissing = (path: readonly PropertyKey[]) => path.length > 0 && valueAt(input, path) === undefined;
    for (const issue of result.error.issues) problems.push(...problemsFromIssue(issue, isMissing));
  }
  problems.push(...crossChecks(input));
  if (problems.length > 0 || !result.success) return { problems };
  return { config: { ...finalize(result.data, configPath, id), id }, problems };
}

/** Each account read as a file of its own; a shared setting's problem is reported once, not per account. */
function parseAccounts(input: Record<string, unknown>, configPath: string, problems: Problem[]): Config {
  const split = splitAccounts(input);
  problems.push(...split.problems);
  const accounts: AccountConfig[] = [];
  split.accounts.forEach((account: AccountInput, index) => {
    const parsed = parseAccount(account.json, configPath, account.id);
    for (const problem of parsed.problems) {
      const placed = placeProblem(problem, account, split.ownKeys[index] ?? new Set());
      if (!problems.some((p) => p.path === placed.path && p.problem === placed.problem)) problems.push(placed);
    }
    if (parsed.config) accounts.push(parsed.config);
  });
  if (problems.length > 0) throw new FollowthruError('ECONFIG', formatProblems(configPath, problems));
  const digestAccount = (input.digest as { account?: unknown } | undefined)?.account;
  const delivering = accounts.find((a) => a.id === digestAccount) ?? (accounts[0] as AccountConfig);
  return deepFreeze({ ...delivering, accounts });
}

/** Validates a config already read as JSON. `configPath` anchors store.path and names the file in messages. */
export function parseConfig(json: unknown, configPath: string, early: Problem[] = []): Config {
  const input = stripComments(json);
  const problems = [...early];
  if (hasAccounts(input)) return parseAccounts(input as Record<string, unknown>, configPath, problems);
  const parsed = parseAccount(input, configPath, DEFAULT_ACCOUNT);
  problems.push(...parsed.problems);
  if (problems.length > 0 || !parsed.config) throw new FollowthruError('ECONFIG', formatProblems(configPath, problems));
  return deepFreeze({ ...parsed.config, accounts: [parsed.config] });
}

/**
 * Loads the config from `path`, else $FOLLOWTHRU_CONFIG, else ./config.json, else
 * $XDG_CONFIG_HOME/followthru/config.json. Throws ECONFIG listing every problem.
 */
export async function loadConfig(path?: string, env: NodeJS.ProcessEnv = process.env): Promise<Config> {
  const file = locateConfig(path, env);
  const { text: content, mode } = await readConfigFile(file);
  const json = parseJson(content, file);
  return parseConfig(json, file, checkPermissions(json, file, mode));
}
