// A live access token for a sign-in of followthru's own: the stored one while it has more than five minutes
// left, else a refresh (a rotated refresh token replaces the old one in the same atomic write). A refresh token
// the server refuses (invalid_grant: revoked, expired, password changed) is marked expired in its file, so
// nothing retries it and `status`/`doctor` can say so; `followthru login` writes a fresh file, which the next
// connection reads: a running daemon needs no restart.
import type { OAuth2SignIn } from '../config.js';
import { FollowthruError } from '../errors.js';
import { registerSecret } from '../log.js';
import { refusalMessage } from './device-flow.js';
import { postForm, type PostForm } from './http.js';
import { needsRefresh, parseTokenReply, refreshRequest, type TokenSet } from './oauth2.js';
import { readTokenFile, type StoredSignIn, writeTokenFile } from './token-file.js';

/** The one line a user sees when only a new sign-in helps. */
export const SIGN_IN_EXPIRED = 'sign-in expired: run `followthru login`';

export interface AccessOptions {
  /** Refresh even when the stored token looks alive (the server just refused it). */
  force?: boolean;
  now?: number;
  post?: PostForm;
  env?: NodeJS.ProcessEnv;
}

export function clientSecretOf(signIn: OAuth2SignIn, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!signIn.clientSecretEnv) return null;
  const secret = env[signIn.clientSecretEnv];
  if (!secret) {
    throw new FollowthruError(
      'ECONFIG',
      `oauth2.clientSecretEnv: the environment variable ${signIn.clientSecretEnv} is not set — fix: export ${signIn.clientSecretEnv}=…`,
    );
  }
  registerSecret(secret);
  return secret;
}

/** What the file holds after a sign-in or a refresh. */
export function storedFrom(tokens: TokenSet, previous: StoredSignIn | null, now: number): StoredSignIn {
  const refreshToken = tokens.refreshToken ?? previous?.refreshToken;
  if (!refreshToken) {
    throw new FollowthruError(
      'ESIGNIN',
      'the sign-in server issued no refresh token — fix: include offline_access (Microsoft) in oauth2.scopes, or remove oauth2.scopes to use the preset',
    );
  }
  return {
    refreshToken,
    accessToken: tokens.accessToken,
    accessExpiresAt: new Date(tokens.expiresAt).toISOString(),
    scope: tokens.scope ?? previous?.scope ?? null,
    signedInAt: previous?.signedInAt ?? new Date(now).toISOString(),
    expired: null,
  };
}

const expiredError = (reason: string) =>
  new FollowthruError('ESIGNIN', `${SIGN_IN_EXPIRED}${reason ? ` (the server said: ${reason})` : ''}`);

function registerAll(stored: StoredSignIn): void {
  registerSecret(stored.refreshToken);
  if (stored.accessToken) registerSecret(stored.accessToken);
}

export async function accessTokenFor(signIn: OAuth2SignIn, options: AccessOptions = {}): Promise<string> {
  const now = options.now ?? Date.now();
  const stored = await readTokenFile(signIn.tokenFile);
  if (!stored)
    throw new FollowthruError('ESIGNIN', `not signed in yet: run \`followthru login\` (no ${signIn.tokenFile})`);
  registerAll(stored);
  if (stored.expired) throw expiredError(stored.expired.reason);
  const expiresAt = stored.accessExpiresAt ? Date.parse(stored.accessExpiresAt) : null;
  if (!options.force && stored.accessToken && !needsRefresh(expiresAt, now)) return stored.accessToken;
  return refresh(signIn, stored, now, options);
}

async function refresh(
  signIn: OAuth2SignIn,
  stored: StoredSignIn,
  now: number,
  options: AccessOptions,
): Promise<string> {
  const post = options.post ?? postForm;
  const reply = await post(refreshRequest(signIn, clientSecretOf(signIn, options.env), stored.refreshToken));
  const outcome = parseTokenReply(reply, now);
  if (outcome.kind === 'tokens') {
    const next = storedFrom(outcome.tokens, stored, now);
    registerAll(next);
    await writeTokenFile(signIn.tokenFile, next);
    return outcome.tokens.accessToken;
  }
  if (outcome.kind === 'refused' && outcome.error === 'invalid_grant') {
    // Another followthru process may have rotated the token a moment ago: its file then holds the live one.
    const current = await readTokenFile(signIn.tokenFile);
    if (current && !current.expired && current.refreshToken !== stored.refreshToken && current.accessToken) {
      registerAll(current);
      return current.accessToken;
    }
    const reason = [outcome.error, outcome.description].filter(Boolean).join(': ');
    await writeTokenFile(signIn.tokenFile, {
      ...stored,
      accessToken: null,
      accessExpiresAt: null,
      expired: { at: new Date(now).toISOString(), reason },
    });
    throw expiredError(reason);
  }
  const error = outcome.kind === 'refused' ? outcome : { error: 'unexpected_reply', description: '' };
  throw new FollowthruError(
    'ESIGNIN',
    `refreshing the sign-in failed: ${refusalMessage(error.error, error.description)}`,
  );
}
