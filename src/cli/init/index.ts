// followthru init: asks for (or takes from flags) the address, fills server settings from provider presets,
// explains app passwords, tests the login, finds Sent and who sends from it, and writes the config readable
// only by the user (by default $XDG_CONFIG_HOME/followthru/config.json). Flags are checked before anything
// connects; a failed login keeps every answer for the next try.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { Credential } from '../../auth/credential.js';
import { systemTimeZone } from '../../config/checks.js';
import { xdgConfigPath } from '../../config/locate.js';
import { errorMessage, FollowthruError } from '../../errors.js';
import type { CliCommand } from '../command.js';
import { runLogin } from '../login.js';
import { addAccount, configFrom, defaultsFor, type InitAnswers } from './answers.js';
import { type AnswerName, CHECKS, flagProblems, splitList } from './checks.js';
import { presetFor } from './presets.js';

type Options = Record<string, unknown>;
type Say = (line: string) => void;
type Given = Partial<Record<AnswerName, string>>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

export interface InitIo {
  input: Readable;
  output: Writable;
  /** Ask questions (a terminal), or take every answer from flags and defaults. */
  interactive: boolean;
}

/** One question: a flag's value wins; Enter takes the default; a wrong answer is explained and asked again. */
function questioner(rl: Interface | null, say: Say) {
  return async function question(
    name: AnswerName,
    label: string,
    given: string | undefined,
    fallback?: string,
  ): Promise<string> {
    if (given !== undefined) return given;
    if (!rl) {
      if (fallback !== undefined) return fallback;
      throw new FollowthruError(
        'EUSAGE',
        `init --non-interactive: ${label} is missing — fix: pass it as a flag (see followthru init --help)`,
      );
    }
    for (;;) {
      const typed = (await rl.question(`${label}${fallback ? ` [${fallback}]` : ''}: `)).trim();
      const answer = typed || fallback;
      if (answer === '' && fallback === '') return ''; // an optional answer, left empty
      if (answer === undefined || answer === '') {
        say('  (this one is needed; Ctrl-C stops init)');
        continue;
      }
      const problem = CHECKS[name](answer);
      if (!problem) return answer;
      say(`  ${problem}`);
    }
  };
}

async function ask(
  given: Given,
  previous: InitAnswers | null,
  rl: Interface | null,
  say: Say,
  options: Options,
): Promise<InitAnswers> {
  const question = questioner(rl, say);
  const email = (await question('email', 'Your email address', given.email, previous?.email)).toLowerCase();
  const preset = presetFor(email);
  const base =
    previous && previous.email === email
      ? previous
      : { ...defaultsFor(email, systemTimeZone()), sentFolder: preset.sentFolder };
  if (!previous) {
    say(`Settings for ${preset.name}.`);
    if (preset.passwordHelp) say(preset.passwordHelp);
  }
  const imapHost = await question('imapHost', 'IMAP server', given.imapHost, base.imapHost);
  const imapPort = Number(await question('imapPort', 'IMAP port', given.imapPort, String(base.imapPort)));
  const imapSecurity = (await question(
    'imapSecurity',
    'IMAP security (tls, starttls, none)',
    given.imapSecurity,
    base.imapSecurity,
  )) as InitAnswers['imapSecurity'];
  const imapUser = await question('imapUser', 'IMAP user name', given.imapUser, base.imapUser);
  const offer = preset.oauth2 && !given.passwordEnv && !given.passwordCommand ? preset.oauth2 : null;
  const oauth2 = previous ? (previous.oauth2 ?? null) : await oauth2Answers(options, offer, rl, say);
  const password = oauth2 ? null : await askPassword(given, previous, rl, question, preset.oauth2 ?? undefined);
  const aliases = splitList(
    await question(
      'aliases',
      'Other addresses you send from, comma-separated (Enter: none)',
      given.aliases,
      previous ? previous.aliases.join(', ') : '',
    ),
  );
  return {
    ...base,
    email,
    imapUser,
    aliases,
    imapHost,
    imapPort,
    imapSecurity,
    password,
    oauth2,
    timezone: await question('timezone', 'Time zone', given.timezone, base.timezone),
    digestTime: await question('digestTime', 'Digest time on weekdays', given.digestTime, base.digestTime),
    deliver: (await question(
      'deliver',
      'Deliver the digest by imap (into your inbox) or smtp',
      given.deliver,
      base.deliver,
    )) as InitAnswers['deliver'],
  };
}

/**
 * The imap.oauth2 block, for --oauth2 or, asked, for a Microsoft or Google address (`offer`); null for a password.
 * Custom servers take their URLs from flags.
 */
async function oauth2Answers(
  options: Options,
  offer: 'microsoft' | 'google' | null,
  rl: Interface | null,
  say: Say,
): Promise<Record<string, string> | null> {
  const question = async (label: string, given: string | undefined, fallback?: string): Promise<string> => {
    if (given) return given;
    if (!rl) {
      if (fallback !== undefined) return fallback;
      throw new FollowthruError(
        'EUSAGE',
        `init --non-interactive: ${label} is missing — fix: pass it as a flag (see followthru init --help)`,
      );
    }
    for (;;) {
      const answer = (await rl.question(`${label}${fallback ? ` [${fallback}]` : ''}: `)).trim() || fallback;
      if (answer) return answer;
      say('  (this one is needed; Ctrl-C stops init)');
    }
  };
  let provider = str(options.oauth2);
  if (!provider && offer && rl) {
    const how = offer === 'microsoft' ? 'a code to enter at microsoft.com/devicelogin' : 'your browser';
    const answer = await question(
      `Sign in with OAuth2 (followthru login: ${how}; needs a client ID you register, see README) — yes, or no for an app password`,
      undefined,
      'yes',
    );
    if (/^y/i.test(answer)) provider = offer;
  }
  if (!provider) return null;
  const block: Record<string, string> = {
    provider,
    clientId: await question('OAuth2 client ID (README: "Connect your own account")', str(options.clientId)),
  };
  const optional = {
    tenant: str(options.tenant),
    clientSecretEnv: str(options.clientSecretEnv),
    tokenUrl: str(options.tokenUrl),
    deviceAuthorizationUrl: str(options.deviceAuthorizationUrl),
    authorizeUrl: str(options.authorizeUrl),
  };
  for (const [key, value] of Object.entries(optional)) if (value) block[key] = value;
  return block;
}

/** A command that prints the password, or (Enter) the name of an environment variable that holds it. */
async function askPassword(
  given: Given,
  previous: InitAnswers | null,
  rl: Interface | null,
  question: ReturnType<typeof questioner>,
  oauth2Offer: string | undefined,
) {
  if (given.passwordEnv) return { passwordEnv: given.passwordEnv };
  if (given.passwordCommand) return { passwordCommand: given.passwordCommand };
  if (!rl) {
    const or = oauth2Offer ? `, or sign in with --oauth2 ${oauth2Offer} --client-id ID` : '';
    throw new FollowthruError(
      'EUSAGE',
      `a password source is needed — fix: --password-env NAME or --password-command "CMD"${or} (the password itself never goes in the file)`,
    );
  }
  const command =
    (
      await rl.question(
        `Command that prints your (app) password, e.g. "pass show mail" (Enter: use an environment variable instead)${previous?.password?.passwordCommand ? ` [${previous.password.passwordCommand}]` : ''}: `,
      )
    ).trim() || previous?.password?.passwordCommand;
  if (command) return { passwordCommand: command };
  return {
    passwordEnv: await question(
      'passwordEnv',
      'Name of the environment variable that holds it',
      undefined,
      previous?.password?.passwordEnv ?? 'FOLLOWTHRU_PASSWORD',
    ),
  };
}

interface LoginResult {
  sent: string;
  /** First From address of the newest mails in Sent. */
  froms: string[];
}

/** Logs in with the answers, finds Sent and who sends from it: the config is only written when this works. */
async function testLogin(a: InitAnswers, credential: Credential): Promise<LoginResult> {
  const [{ openImap }, { findSentFolder }, { sentSenders }] = await Promise.all([
    import('../../source/imap.js'),
    import('../../source/folders.js'),
    import('../../source/sent-senders.js'),
  ]);
  const session = await openImap({
    host: a.imapHost,
    port: a.imapPort,
    secure: a.imapSecurity === 'tls',
    allowInsecure: a.imapSecurity === 'none',
    user: a.imapUser,
    ...credential,
  });
  try {
    const list = await session.listFolders();
    // The provider's usual name when the account has it; otherwise find it (SPECIAL-USE, then names).
    const sent = findSentFolder(list, a.sentFolder && list.some((f) => f.path === a.sentFolder) ? a.sentFolder : null);
    return { sent, froms: await sentSenders(session, sent).catch(() => []) };
  } finally {
    await session.close();
  }
}

/** Addresses that send much of Sent but are not among the answers: proposed (asked, or taken with a note). */
async function proposeAliases(
  answers: InitAnswers,
  froms: string[],
  rl: Interface | null,
  say: Say,
): Promise<string[]> {
  const { missingIdentities } = await import('../../track/identity.js');
  const missing = missingIdentities(froms, [answers.email, ...answers.aliases]);
  const added: string[] = [];
  for (const m of missing) {
    const seen = `Sent also has mail from ${m.address} (${m.count} of the last ${froms.length}).`;
    if (!rl) {
      say(`${seen} Added it to "me" (your own addresses); remove it from the config if it is not yours.`);
      added.push(m.address);
    } else if (!/^n/i.test((await rl.question(`${seen} Is that you too (add it to "me")? [Y/n]: `)).trim())) {
      added.push(m.address);
    }
  }
  return [...answers.aliases, ...added];
}

/** Written aside 0600 and renamed into place: an existing file (even a 0644 one, with --force) ends up 0600. */
async function writePrivate(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, { mode: 0o600, flag: 'wx' });
    await chmod(temporary, 0o600); // the umask may have taken bits away, never added: this is exact
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The password, or with oauth2 the sign-in first (its token file sits beside the store the config names). */
async function credentialOf(answers: InitAnswers, out: string, say: Say): Promise<Credential> {
  const [{ parseConfig, resolvePassword }, { credentialFor }, { registerSecret }] = await Promise.all([
    import('../../config.js'),
    import('../../auth/credential.js'),
    import('../../log.js'),
  ]);
  if (answers.oauth2) {
    const config = parseConfig(configFrom(answers), out);
    await runLogin(config, { say, skipImapCheck: true });
    return credentialFor(config, 'imap');
  }
  const password = await resolvePassword(answers.password ?? {}, process.env, { label: 'imap' });
  registerSecret(password);
  return { password };
}

function defaultIo(options: Options): InitIo {
  return {
    input: process.stdin,
    output: process.stdout,
    interactive: !options.nonInteractive && process.stdin.isTTY === true,
  };
}

export async function runInit(
  options: Options,
  say: Say = (l) => process.stdout.write(`${l}\n`),
  io: InitIo = defaultIo(options),
): Promise<string> {
  const problems = flagProblems(options);
  if (problems.length > 0) throw new FollowthruError('EUSAGE', `init: ${problems.join('; ')}`);
  const out = resolve(str(options.out) ?? xdgConfigPath());
  // `init --add --id ID`: the same questions and login test, then the file rewritten with one more account.
  const id = options.add ? str(options.id) : undefined;
  if (options.add) {
    if (!existsSync(out))
      throw new FollowthruError('EUSAGE', `init --add: ${out} does not exist — fix: run init without --add first`);
    if (!id)
      throw new FollowthruError('EUSAGE', 'init --add: the new account needs a name — fix: pass --id, e.g. --id work');
  } else if (!options.force && existsSync(out)) {
    throw new FollowthruError(
      'EUSAGE',
      `${out} exists — fix: pass --force to replace it, --add to add an account to it, or --out another file`,
    );
  }
  const existing = id ? (JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>) : null;
  const rl =
    io.interactive && !options.nonInteractive
      ? createInterface({ input: io.input, output: io.output, terminal: false })
      : null;
  try {
    const flags: Given = Object.fromEntries(
      Object.keys(CHECKS)
        .map((k) => [k, str(options[k])])
        .filter(([, v]) => v !== undefined),
    );
    let answers = await ask(flags, null, rl, say, options);
    // An OAuth2 sign-in's token file is named by the account; init signs in before the account exists in the file.
    if (id && answers.oauth2)
      throw new FollowthruError(
        'EUSAGE',
        'init --add: --oauth2 is not supported for an added account yet — fix: add it with --password-env or --password-command',
      );
    let login: LoginResult;
    for (;;) {
      say(`Logging in to ${answers.imapHost}:${answers.imapPort} as ${answers.imapUser}…`);
      try {
        login = await testLogin(answers, await credentialOf(answers, out, say));
        break;
      } catch (error) {
        if (!rl) throw error;
        say(`That did not work: ${errorMessage(error)}`);
        say('Your answers are kept: press Enter to keep each one, or type a new one.');
        answers = await ask({}, answers, rl, say, options);
      }
    }
    say(`Login works. Sent folder: "${login.sent}".`);
    const aliases = await proposeAliases(answers, login.froms, rl, say);
    const answered = { ...answers, aliases, sentFolder: login.sent };
    const json = existing && id ? addAccount(existing, id, answered) : configFrom(answered);
    await writePrivate(out, `${JSON.stringify(json, null, 2)}\n`);
    const mode = ((await stat(out)).mode & 0o777).toString(8);
    if (id) {
      say(`Added account "${id}" to ${out} (mode ${mode}). Next: followthru doctor --config ${out}.`);
      return out;
    }
    say(
      `Wrote ${out} (mode ${mode}: readable only by you). Next: followthru doctor${options.out ? ` --config ${out}` : ''}, then followthru run.`,
    );
    return out;
  } finally {
    rl?.close();
  }
}

export const initCommand: CliCommand = {
  name: 'init',
  description: 'connect your account: write the config after testing the login',
  options: [
    { flags: '--email <address>', description: 'your address' },
    { flags: '--imap-host <host>', description: 'IMAP server (default: from the provider presets)' },
    { flags: '--imap-port <port>', description: 'IMAP port' },
    { flags: '--imap-security <mode>', description: 'tls, starttls or none (none: loopback tests only)' },
    { flags: '--imap-user <name>', description: 'IMAP login name (default: your address)' },
    { flags: '--password-env <name>', description: 'environment variable that holds the password' },
    { flags: '--password-command <cmd>', description: 'command that prints the password' },
    { flags: '--aliases <addresses>', description: 'other addresses you send from, comma-separated' },
    {
      flags: '--oauth2 <provider>',
      description: 'sign in with OAuth2 instead of a password: microsoft, google or custom',
    },
    { flags: '--client-id <id>', description: 'the OAuth2 client ID of the app you registered (README)' },
    { flags: '--tenant <tenant>', description: 'Microsoft tenant (default: common)' },
    {
      flags: '--client-secret-env <name>',
      description: 'environment variable holding the client secret (Google desktop apps)',
    },
    { flags: '--token-url <url>', description: 'custom OAuth2: the token endpoint' },
    { flags: '--device-authorization-url <url>', description: 'custom OAuth2: the device authorization endpoint' },
    { flags: '--authorize-url <url>', description: 'custom OAuth2: the authorization endpoint (browser flow)' },
    { flags: '--timezone <zone>', description: 'IANA time zone (default: the system’s)' },
    { flags: '--digest-time <hh:mm>', description: 'digest time on weekdays (default 07:30)' },
    { flags: '--deliver <how>', description: 'imap (file into your inbox, the default) or smtp' },
    { flags: '--out <file>', description: 'where to write (default ~/.config/followthru/config.json)' },
    { flags: '--force', description: 'replace an existing file' },
    { flags: '--add', description: 'add an account to an existing file (with --id)' },
    { flags: '--id <name>', description: "with --add: the new account's short name, e.g. work" },
    { flags: '--non-interactive', description: 'ask nothing: every answer comes from flags or defaults' },
  ],
  async run(_args, options) {
    await runInit(options);
    return 0;
  },
};
