// The installed-app flow with a loopback redirect and PKCE (RFC 8252, RFC 7636), as `followthru login` runs it
// for Google: print the URL to open, take the redirect on 127.0.0.1, check `state`, exchange the code.
import { randomBytes } from 'node:crypto';
import type { OAuth2SignIn } from '../config.js';
import { type FlowDeps, refusalMessage, signInError } from './device-flow.js';
import type { LoopbackListener } from './http.js';
import { authorizationCodeRequest, authorizeUrl, parseTokenReply, pkcePair, type TokenSet } from './oauth2.js';

export interface LoopbackDeps extends Pick<FlowDeps, 'post' | 'say' | 'now' | 'clientSecret'> {
  listen: () => Promise<LoopbackListener>;
  random?: (bytes: number) => Buffer;
}

export async function runLoopbackFlow(signIn: OAuth2SignIn, deps: LoopbackDeps): Promise<TokenSet> {
  const random = deps.random ?? randomBytes;
  const { verifier, challenge } = pkcePair(random(32));
  const state = random(16).toString('base64url');
  const listener = await deps.listen();
  try {
    const redirectUri = listener.redirectUri;
    deps.say('To sign in, open this URL in a browser on this machine:');
    deps.say(authorizeUrl(signIn, { redirectUri, state, challenge }));
    const query = await listener.nextRedirect();
    // A redirect without our state is someone else's (or a forged) request: never exchange its code.
    if (query.get('state') !== state)
      throw signInError('the sign-in answer did not carry the state we sent — fix: run followthru login again');
    const error = query.get('error');
    if (error) throw signInError(refusalMessage(error, query.get('error_description') ?? ''));
    const code = query.get('code');
    if (!code) throw signInError('the sign-in answer carried no code — fix: run followthru login again');
    const outcome = parseTokenReply(
      await deps.post(authorizationCodeRequest(signIn, deps.clientSecret, { code, redirectUri, verifier })),
      deps.now(),
    );
    if (outcome.kind === 'tokens') return outcome.tokens;
    throw signInError(
      outcome.kind === 'refused'
        ? refusalMessage(outcome.error, outcome.description)
        : 'the sign-in server gave no token',
    );
  } finally {
    await listener.close();
  }
}
