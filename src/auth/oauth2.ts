// OAuth2 as pure request/response logic: the forms to post (RFC 6749 refresh and authorization-code grants,
// RFC 8628 device flow, RFC 7636 PKCE) and what the server's answers mean. No I/O here: auth/http.ts sends.
import { createHash } from 'node:crypto';
import type { OAuth2SignIn } from '../config.js';

export interface FormRequest {
  url: string;
  form: Record<string, string>;
}

/** What came back: the HTTP status and the body parsed as JSON (null when it was not JSON). */
export interface HttpReply {
  status: number;
  body: unknown;
}

export interface TokenSet {
  accessToken: string;
  /** null when the server did not send one (a refresh that does not rotate keeps the old one). */
  refreshToken: string | null;
  /** Epoch ms. */
  expiresAt: number;
  scope: string | null;
}

export type TokenOutcome =
  | { kind: 'tokens'; tokens: TokenSet }
  | { kind: 'pending' }
  | { kind: 'slow_down' }
  /** An OAuth2 error (invalid_grant, access_denied, expired_token…) or a reply we cannot read. */
  | { kind: 'refused'; error: string; description: string };

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUri: string;
  verificationUriComplete: string | null;
  /** Epoch ms after which the device code is dead. */
  expiresAt: number;
  intervalMs: number;
}

/** RFC 8628 §3.5: without an interval the client waits 5 s; slow_down adds 5 s for good. */
export const DEFAULT_INTERVAL_MS = 5_000;
export const SLOW_DOWN_STEP_MS = 5_000;
/** Refresh an access token that expires within this long, so it cannot die in the middle of a sync. */
export const REFRESH_MARGIN_MS = 5 * 60_000;
/** When a server leaves out expires_in: assume an hour, the common lifetime. */
const DEFAULT_LIFETIME_S = 3600;

const field = (body: unknown, key: string): unknown =>
  body !== null && typeof body === 'object' ? (body as Record<string, unknown>)[key] : undefined;
const str = (body: unknown, key: string): string | null => {
  const value = field(body, key);
  return typeof value === 'string' && value !== '' ? value : null;
};
// Some servers (Microsoft's v1 endpoints) send numbers as strings.
const num = (body: unknown, key: string): number | null => {
  const value = Number(field(body, key));
  return field(body, key) !== undefined && Number.isFinite(value) ? value : null;
};

/** client_id, and client_secret when the provider gave the app one (Google's "Desktop app" clients). */
function client(signIn: OAuth2SignIn, clientSecret: string | null): Record<string, string> {
  return clientSecret ? { client_id: signIn.clientId, client_secret: clientSecret } : { client_id: signIn.clientId };
}

export function deviceAuthorizationRequest(signIn: OAuth2SignIn, clientSecret: string | null): FormRequest {
  if (!signIn.deviceAuthorizationUrl) throw new Error('this sign-in has no device authorization endpoint');
  return {
    url: signIn.deviceAuthorizationUrl,
    form: { ...client(signIn, clientSecret), scope: signIn.scopes.join(' ') },
  };
}

export function deviceTokenRequest(signIn: OAuth2SignIn, clientSecret: string | null, deviceCode: string): FormRequest {
  const grant = 'urn:ietf:params:oauth:grant-type:device_code';
  return {
    url: signIn.tokenUrl,
    form: { ...client(signIn, clientSecret), grant_type: grant, device_code: deviceCode },
  };
}

export function authorizationCodeRequest(
  signIn: OAuth2SignIn,
  clientSecret: string | null,
  code: { code: string; redirectUri: string; verifier: string },
): FormRequest {
  const form = {
    grant_type: 'authorization_code',
    code: code.code,
    redirect_uri: code.redirectUri,
    code_verifier: code.verifier,
  };
  return { url: signIn.tokenUrl, form: { ...client(signIn, clientSecret), ...form } };
}

export function refreshRequest(signIn: OAuth2SignIn, clientSecret: string | null, refreshToken: string): FormRequest {
  const form = { grant_type: 'refresh_token', refresh_token: refreshToken, scope: signIn.scopes.join(' ') };
  return { url: signIn.tokenUrl, form: { ...client(signIn, clientSecret), ...form } };
}

/** The URL the user opens in a browser for the loopback flow. */
export function authorizeUrl(
  signIn: OAuth2SignIn,
  at: { redirectUri: string; state: string; challenge: string },
): string {
  if (!signIn.authorizeUrl) throw new Error('this sign-in has no authorization endpoint');
  const url = new URL(signIn.authorizeUrl);
  const params = {
    ...signIn.authorizeParams,
    response_type: 'code',
    client_id: signIn.clientId,
    redirect_uri: at.redirectUri,
    scope: signIn.scopes.join(' '),
    state: at.state,
    code_challenge: at.challenge,
    code_challenge_method: 'S256',
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** RFC 7636 S256: the verifier from 32 random bytes (43 characters), the challenge its SHA-256. */
export function pkcePair(random: Buffer): { verifier: string; challenge: string } {
  const verifier = random.toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function parseDeviceAuthorization(
  reply: HttpReply,
  now: number,
): DeviceAuthorization | (TokenOutcome & { kind: 'refused' }) {
  const { body } = reply;
  const deviceCode = str(body, 'device_code');
  const userCode = str(body, 'user_code');
  // verification_url: Google's and Microsoft's older spelling.
  const verificationUri = str(body, 'verification_uri') ?? str(body, 'verification_url');
  if (reply.status !== 200 || !deviceCode || !userCode || !verificationUri) return refusal(reply);
  return {
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete: str(body, 'verification_uri_complete'),
    expiresAt: now + (num(body, 'expires_in') ?? 900) * 1000,
    intervalMs: Math.max(0, (num(body, 'interval') ?? DEFAULT_INTERVAL_MS / 1000) * 1000),
  };
}

function refusal(reply: HttpReply): TokenOutcome & { kind: 'refused' } {
  const error = str(reply.body, 'error') ?? `http_${reply.status}`;
  // Descriptions are the server's prose, never a token; cut to one line so a log stays one line.
  const description = (str(reply.body, 'error_description') ?? '').split(/\r?\n/)[0]?.slice(0, 300) ?? '';
  return { kind: 'refused', error, description };
}

/** A token endpoint's answer, for any grant. */
export function parseTokenReply(reply: HttpReply, now: number): TokenOutcome {
  const accessToken = str(reply.body, 'access_token');
  if (reply.status === 200 && accessToken) {
    const lifetime = num(reply.body, 'expires_in') ?? DEFAULT_LIFETIME_S;
    return {
      kind: 'tokens',
      tokens: {
        accessToken,
        refreshToken: str(reply.body, 'refresh_token'),
        expiresAt: now + lifetime * 1000,
        scope: str(reply.body, 'scope'),
      },
    };
  }
  const error = str(reply.body, 'error');
  if (error === 'authorization_pending') return { kind: 'pending' };
  if (error === 'slow_down') return { kind: 'slow_down' };
  return refusal(reply);
}

/** The wait before the next device-code poll. */
export function nextPollInterval(intervalMs: number, outcome: TokenOutcome): number {
  return outcome.kind === 'slow_down' ? intervalMs + SLOW_DOWN_STEP_MS : intervalMs;
}

/** True when the access token is gone or dies within REFRESH_MARGIN_MS of `now`. */
export function needsRefresh(expiresAt: number | null, now: number): boolean {
  return expiresAt === null || expiresAt - now <= REFRESH_MARGIN_MS;
}
