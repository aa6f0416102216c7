// What `status` and `doctor` say about each OAuth2 sign-in: present, access token expiry, expired. Reads only
// the token file (no network), and never shows a token.
import type { Config, OAuth2SignIn } from '../config.js';
import { errorMessage } from '../errors.js';
import { SIGN_IN_EXPIRED } from './access-token.js';
import { readTokenFile } from './token-file.js';

export interface SignInState {
  /** "imap", "smtp", or "imap+smtp" when both use one sign-in. */
  label: string;
  ok: boolean;
  detail: string;
}

/** The distinct sign-ins of followthru's own in the config, each once (smtp often shares imap's). */
export function signInsOf(config: Config): Array<{ label: string; signIn: OAuth2SignIn }> {
  const imap = config.imap.oauth2;
  const smtp = config.smtp?.oauth2;
  const list: Array<{ label: string; signIn: OAuth2SignIn }> = [];
  if (imap?.kind === 'signin') list.push({ label: smtp === imap ? 'imap+smtp' : 'imap', signIn: imap });
  if (smtp?.kind === 'signin' && smtp !== imap) list.push({ label: 'smtp', signIn: smtp });
  return list;
}

export async function signInState(label: string, signIn: OAuth2SignIn, now: Date): Promise<SignInState> {
  try {
    const stored = await readTokenFile(signIn.tokenFile);
    if (!stored)
      return { label, ok: false, detail: `not signed in yet (no ${signIn.tokenFile}) — fix: run followthru login` };
    if (stored.expired)
      return {
        label,
        ok: false,
        detail: `${SIGN_IN_EXPIRED} (refused ${stored.expired.at}: ${stored.expired.reason})`,
      };
    const expires = stored.accessExpiresAt ? Date.parse(stored.accessExpiresAt) : NaN;
    const access = Number.isNaN(expires)
      ? 'no access token yet (one is fetched at the next connection)'
      : expires > now.getTime()
        ? `access token valid until ${new Date(expires).toISOString()}`
        : `access token expired ${new Date(expires).toISOString()} (refreshed at the next connection)`;
    return {
      label,
      ok: true,
      detail: `${signIn.provider} sign-in, refresh token present in ${signIn.tokenFile}; ${access}`,
    };
  } catch (error) {
    return { label, ok: false, detail: errorMessage(error) };
  }
}
