// followthru login: runs the provider's OAuth2 sign-in once (device code for Microsoft, browser with a loopback
// redirect for Google, either for `custom`), stores the refresh token in its own 0600 file beside the store,
// then checks that the IMAP login works with it. A running daemon picks the new token up at its next connection.
import { accessTokenFor, clientSecretOf, storedFrom } from '../auth/access-token.js';
import { runDeviceFlow } from '../auth/device-flow.js';
import { listenLoopback, postForm } from '../auth/http.js';
import { runLoopbackFlow } from '../auth/loopback-flow.js';
import { signInsOf } from '../auth/status.js';
import { writeTokenFile } from '../auth/token-file.js';
import type { Config, OAuth2SignIn } from '../config.js';
import { FollowthruError } from '../errors.js';
import { registerSecret } from '../log.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';

export interface LoginDeps {
  say: (line: string) => void;
  post?: typeof postForm;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  listen?: typeof listenLoopback;
  /** init tests the login itself (and finds Sent). */
  skipImapCheck?: boolean;
}

async function signIn(signIn: OAuth2SignIn, deps: LoginDeps): Promise<void> {
  const base = {
    post: deps.post ?? postForm,
    say: deps.say,
    now: deps.now ?? Date.now,
    clientSecret: clientSecretOf(signIn),
  };
  const tokens =
    signIn.flow === 'device'
      ? await runDeviceFlow(signIn, { ...base, sleep: deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))) })
      : await runLoopbackFlow(signIn, { ...base, listen: deps.listen ?? listenLoopback });
  registerSecret(tokens.accessToken);
  if (tokens.refreshToken) registerSecret(tokens.refreshToken);
  await writeTokenFile(signIn.tokenFile, storedFrom(tokens, null, base.now()));
  deps.say(`Signed in. The refresh token is in ${signIn.tokenFile} (readable only by you).`);
}

/** Signs in every sign-in of the config, then logs in to IMAP with the result. */
export async function runLogin(config: Config, deps: LoginDeps): Promise<void> {
  const signIns = signInsOf(config);
  if (signIns.length === 0) {
    const how =
      config.imap.oauth2?.kind === 'command'
        ? 'imap.oauth2.tokenCommand signs in by itself'
        : 'the config has no oauth2 block with a provider';
    throw new FollowthruError(
      'ECONFIG',
      `nothing to sign in to: ${how} — fix: set "oauth2": { "provider": …, "clientId": … } in the imap block (README: "Connect your own account")`,
    );
  }
  for (const { label, signIn: one } of signIns) {
    if (signIns.length > 1) deps.say(`Signing in for ${label}:`);
    await signIn(one, deps);
  }
  const imap = config.imap;
  if (imap.oauth2?.kind !== 'signin' || deps.skipImapCheck) return;
  const accessToken = await accessTokenFor(imap.oauth2, { post: deps.post });
  const { openImap } = await import('../source/imap.js'); // imapflow, loaded only when a login runs
  const session = await openImap({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    allowInsecure: imap.allowInsecure,
    user: imap.user,
    accessToken,
  });
  await session.close();
  deps.say(`IMAP login as ${imap.user} at ${imap.host} works.`);
}

export const loginCommand: CliCommand = {
  name: 'login',
  description: 'sign in with OAuth2 (Microsoft 365, Outlook.com, Google) and keep the refresh token beside the store',
  options: [CONFIG_OPTION],
  async run(_args, options) {
    const { loadConfig } = await import('../config.js');
    const config = await loadConfig(typeof options.config === 'string' ? options.config : undefined);
    await runLogin(config, { say: (line) => process.stdout.write(`${line}\n`) });
    return 0;
  },
};
