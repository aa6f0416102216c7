// followthru init: asks for (or takes from flags) the address, fills server settings from provider presets,
// explains app passwords, tests the login, finds Sent, and writes config.json readable only by the user.
import { access, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { credentialFor, type Credential } from '../../auth/credential.js';
import { parseConfig, resolvePassword } from '../../config.js';
import { systemTimeZone } from '../../config/checks.js';
import { findSentFolder } from '../../source/folders.js';
import { openImap } from '../../source/imap.js';
import type { CliCommand } from '../command.js';
import { runLogin } from '../login.js';
import { configFrom, defaultsFor, type InitAnswers } from './answers.js';
import { presetFor } from './presets.js';

type Options = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

async function ask(options: Options, say: (line: string) => void): Promise<InitAnswers> {
  const interactive = !options.nonInteractive && process.stdin.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  const question = async (label: string, given: string | undefined, fallback?: string): Promise<string> => {
    if (given) return given;
    if (!rl) {
      if (fallback !== undefined) return fallback;
      throw new Error(`init --non-interactive: ${label} is missing — fix: pass it as a flag (see followthru init --help)`);
    }
    const answer = (await rl.question(`${label}${fallback ? ` [${fallback}]` : ''}: `)).trim();
    return answer || fallback || question(label, undefined, fallback);
  };
  try {
    const email = (await question('Your email address', str(options.email))).toLowerCase();
    const preset = presetFor(email);
    const base = defaultsFor(email, systemTimeZone());
    say(`Settings for ${preset.name}.`);
    if (preset.passwordHelp) say(preset.passwordHelp);
    const imapHost = await question('IMAP server', str(options.imapHost), base.imapHost);
    const imapPort = Number(await question('IMAP port', str(options.imapPort), String(base.imapPort)));
    const imapSecurity = (await question('IMAP security (tls, starttls, none)', str(options.imapSecurity), base.imapSecurity)) as InitAnswers['imapSecurity'];
    const passwordEnv = str(options.passwordEnv);
    const oauth2 = await oauth2Answers(options, preset.oauth2 && !passwordEnv && !str(options.passwordCommand) ? preset.oauth2 : null, rl !== null, question);
    const passwordCommand = oauth2 ? undefined : str(options.passwordCommand) ?? (passwordEnv ? undefined : await question('Command that prints your (app) password, e.g. "pass show mail"; or leave empty and use --password-env', undefined, ''));
    if (!oauth2 && !passwordEnv && !passwordCommand) {
      const or = preset.oauth2 ? `, or sign in with --oauth2 ${preset.oauth2} --client-id ID` : '';
      throw new Error(`a password source is needed — fix: --password-env NAME or --password-command "CMD"${or} (the password itself never goes in the file)`);
    }
    return {
      ...base,
      imapHost,
      imapPort,
      imapSecurity,
      password: oauth2 ? null : passwordEnv ? { passwordEnv } : { passwordCommand },
      oauth2,
      timezone: await question('Time zone', str(options.timezone), base.timezone),
      digestTime: await question('Digest time on weekdays', str(options.digestTime), base.digestTime),
      deliver: (await question('Deliver the digest by imap (into your inbox) or smtp', str(options.deliver), base.deliver)) as InitAnswers['deliver'],
    };
  } finally {
    rl?.close();
  }
}

/**
 * The imap.oauth2 block, for --oauth2 or, asked, for a Microsoft or Google address (`offer`); null for a password.
 * Custom servers take their URLs from flags.
 */
async function oauth2Answers(
  options: Options,
  offer: 'microsoft' | 'google' | null,
  interactive: boolean,
  question: (label: string, given: string | undefined, fallback?: string) => Promise<string>,
): Promise<Record<string, string> | null> {
  let provider = str(options.oauth2);
  if (!provider && offer && interactive) {
    const how = offer === 'microsoft' ? 'a code to enter at microsoft.com/devicelogin' : 'your browser';
    const answer = await question(`Sign in with OAuth2 (followthru login: ${how}; needs a client ID you register, see README) — yes, or no for an app password`, undefined, 'yes');
    if (/^y/i.test(answer)) provider = offer;
  }
  if (!provider) return null;
  const block: Record<string, string> = { provider, clientId: await question('OAuth2 client ID (README: "Connect your own account")', str(options.clientId)) };
  const optional = { tenant: str(options.tenant), clientSecretEnv: str(options.clientSecretEnv), tokenUrl: str(options.tokenUrl), deviceAuthorizationUrl: str(options.deviceAuthorizationUrl), authorizeUrl: str(options.authorizeUrl) };
  for (const [key, value] of Object.entries(optional)) if (value) block[key] = value;
  return block;
}

/** Logs in with the answers and finds Sent: the config is only written when this works. */
async function testLogin(a: InitAnswers, credential: Credential): Promise<string> {
  const session = await openImap({ host: a.imapHost, port: a.imapPort, secure: a.imapSecurity === 'tls', allowInsecure: a.imapSecurity === 'none', user: a.email, ...credential });
  try {
    const list = await session.listFolders();
    // The provider's usual name when the account has it; otherwise find it (SPECIAL-USE, then names).
    return findSentFolder(list, a.sentFolder && list.some((f) => f.path === a.sentFolder) ? a.sentFolder : null);
  } finally {
    await session.close();
  }
}

export async function runInit(options: Options, say: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<string> {
  const out = resolve(str(options.out) ?? 'config.json');
  if (!options.force && (await access(out).then(() => true, () => false))) {
    throw new Error(`${out} exists — fix: pass --force to replace it, or --out another file`);
  }
  const answers = await ask(options, say);
  let credential: Credential;
  if (answers.oauth2) {
    // The sign-in first (its token file sits beside the store the config names), then the same login test.
    const config = parseConfig(configFrom(answers), out);
    await runLogin(config, { say, skipImapCheck: true });
    credential = await credentialFor(config, 'imap');
  } else {
    const password = await resolvePassword(answers.password ?? {}, process.env, { label: 'imap' });
    credential = { password };
  }
  say(`Logging in to ${answers.imapHost}:${answers.imapPort} as ${answers.email}…`);
  const sent = await testLogin(answers, credential);
  say(`Login works. Sent folder: "${sent}".`);
  const json = configFrom({ ...answers, sentFolder: sent });
  await writeFile(out, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
  say(`Wrote ${out} (readable only by you). Next: followthru doctor --config ${out}, then followthru run.`);
  return out;
}

export const initCommand: CliCommand = {
  name: 'init',
  description: 'connect your account: write config.json after testing the login',
  options: [
    { flags: '--email <address>', description: 'your address' },
    { flags: '--imap-host <host>', description: 'IMAP server (default: from the provider presets)' },
    { flags: '--imap-port <port>', description: 'IMAP port' },
    { flags: '--imap-security <mode>', description: 'tls, starttls or none (none: loopback tests only)' },
    { flags: '--password-env <name>', description: 'environment variable that holds the password' },
    { flags: '--password-command <cmd>', description: 'command that prints the password' },
    { flags: '--oauth2 <provider>', description: 'sign in with OAuth2 instead of a password: microsoft, google or custom' },
    { flags: '--client-id <id>', description: 'the OAuth2 client ID of the app you registered (README)' },
    { flags: '--tenant <tenant>', description: 'Microsoft tenant (default: common)' },
    { flags: '--client-secret-env <name>', description: 'environment variable holding the client secret (Google desktop apps)' },
    { flags: '--token-url <url>', description: 'custom OAuth2: the token endpoint' },
    { flags: '--device-authorization-url <url>', description: 'custom OAuth2: the device authorization endpoint' },
    { flags: '--authorize-url <url>', description: 'custom OAuth2: the authorization endpoint (browser flow)' },
    { flags: '--timezone <zone>', description: 'IANA time zone (default: the system’s)' },
    { flags: '--digest-time <hh:mm>', description: 'digest time on weekdays (default 07:30)' },
    { flags: '--deliver <how>', description: 'imap (file into your inbox, the default) or smtp' },
    { flags: '--out <file>', description: 'where to write (default ./config.json)' },
    { flags: '--force', description: 'replace an existing file' },
    { flags: '--non-interactive', description: 'ask nothing: every answer comes from flags or defaults' },
  ],
  async run(_args, options) {
    await runInit(options);
    return 0;
  },
};
