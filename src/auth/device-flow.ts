// RFC 8628 device code flow, as `followthru login` runs it for Microsoft: show the URL and the code, then poll
// the token endpoint politely (the server's interval, longer after slow_down) until the user approves, declines
// or the code expires. Works without a terminal: nothing is read from stdin.
import type { OAuth2SignIn } from '../config.js';
import { FollowthruError } from '../errors.js';
import type { PostForm } from './http.js';
import {
  deviceAuthorizationRequest,
  deviceTokenRequest,
  nextPollInterval,
  parseDeviceAuthorization,
  parseTokenReply,
  type TokenSet,
} from './oauth2.js';

export interface FlowDeps {
  post: PostForm;
  say: (line: string) => void;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  clientSecret: string | null;
}

export const signInError = (message: string): FollowthruError => new FollowthruError('ESIGNIN', message);

/** Why a login stopped, in the user's words. */
export function refusalMessage(error: string, description: string): string {
  const said = description ? ` (${description})` : '';
  if (error === 'access_denied')
    return `sign-in was declined${said} — fix: run followthru login again and approve access`;
  if (error === 'expired_token')
    return `the sign-in code expired before it was used${said} — fix: run followthru login again and enter the code sooner`;
  if (error === 'invalid_client' || error === 'unauthorized_client') {
    return `the sign-in server does not accept this app: ${error}${said} — fix: check oauth2.clientId, and that the app allows public client flows (README)`;
  }
  return `the sign-in server refused: ${error}${said}`;
}

export async function runDeviceFlow(signIn: OAuth2SignIn, deps: FlowDeps): Promise<TokenSet> {
  const started = parseDeviceAuthorization(
    await deps.post(deviceAuthorizationRequest(signIn, deps.clientSecret)),
    deps.now(),
  );
  if ('kind' in started) throw signInError(refusalMessage(started.error, started.description));
  deps.say(`To sign in, open ${started.verificationUri} and enter the code ${started.userCode}`);
  if (started.verificationUriComplete) deps.say(`(or open ${started.verificationUriComplete})`);
  deps.say('Waiting for you to approve…');
  let interval = started.intervalMs;
  for (;;) {
    await deps.sleep(interval);
    if (deps.now() >= started.expiresAt) throw signInError(refusalMessage('expired_token', ''));
    const outcome = parseTokenReply(
      await deps.post(deviceTokenRequest(signIn, deps.clientSecret, started.deviceCode)),
      deps.now(),
    );
    if (outcome.kind === 'tokens') return outcome.tokens;
    if (outcome.kind === 'refused') throw signInError(refusalMessage(outcome.error, outcome.description));
    interval = nextPollInterval(interval, outcome);
  }
}
