// A small OAuth2 authorization server on 127.0.0.1 for tests: device authorization (RFC 8628), authorize with
// PKCE (RFC 7636, auto-approving, for the loopback flow), token (device_code, authorization_code and rotating
// refresh_token grants, RFC 6749) and introspection (RFC 7662, what Dovecot's oauth2 passdb and the test SMTP
// server ask). It counts grants, and tests can expire access tokens or revoke the grant.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OAuthServerOptions {
  /** Whose tokens these are (introspection's `username`). */
  user: string;
  clientId?: string;
  /** Access token lifetime, seconds (what expires_in says and when introspection stops calling it active). */
  accessTtlS?: number;
  /** Device polls answered authorization_pending before approval (1: approve after the first poll). */
  pendingPolls?: number;
  /** The interval the device authorization response asks for, seconds. */
  intervalS?: number;
  /** How the user answers the device code: approve (default), deny, or let it expire. */
  deviceAnswer?: 'approve' | 'access_denied' | 'expired_token';
  /** Answer the first device poll with slow_down. */
  slowDownFirst?: boolean;
}

export interface TestOAuthServer {
  url: string;
  deviceAuthorizationUrl: string;
  tokenUrl: string;
  authorizeUrl: string;
  introspectionUrl: string;
  /** Token grants served successfully, by grant_type ("refresh_token", "device_code", "authorization_code"). */
  grants: Record<string, number>;
  /** Token requests received, refused ones too, by grant_type. */
  requests: Record<string, number>;
  /** Device-code polls received. */
  polls: number;
  /** Every access and refresh token ever issued, for leak checks. */
  issued: string[];
  /** The username an access token belongs to while it is active, else null. */
  activeUser(token: string): string | null;
  /** Every access token issued so far dies now (the client's copy still says it is alive). */
  expireAccessTokens(): void;
  /** Revokes the grant: every refresh token and every access token stop working. */
  revoke(): void;
  stop(): Promise<void>;
}

const newToken = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;

async function formOf(request: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

export async function startOAuthServer(options: OAuthServerOptions): Promise<TestOAuthServer> {
  const clientId = options.clientId ?? 'followthru-test-client';
  const ttlMs = (options.accessTtlS ?? 600) * 1000;
  const access = new Map<string, number>(); // token → dies at (epoch ms)
  const refresh = new Set<string>(); // live refresh tokens
  const devices = new Map<string, { polls: number }>();
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const grants: Record<string, number> = {};
  const requests: Record<string, number> = {};
  const issued: string[] = [];
  let polls = 0;

  const issue = (grant: string, response: ServerResponse) => {
    grants[grant] = (grants[grant] ?? 0) + 1;
    const accessToken = newToken('at');
    const refreshToken = newToken('rt');
    access.set(accessToken, Date.now() + ttlMs);
    refresh.add(refreshToken);
    issued.push(accessToken, refreshToken);
    json(response, 200, {
      token_type: 'Bearer',
      access_token: accessToken,
      refresh_token: refreshToken,
      expires_in: ttlMs / 1000,
      scope: 'mail',
    });
  };
  const oauthError = (response: ServerResponse, error: string, description = '') =>
    json(response, 400, { error, ...(description ? { error_description: description } : {}) });

  const token = (form: URLSearchParams, response: ServerResponse) => {
    if (form.get('client_id') !== clientId) return json(response, 401, { error: 'invalid_client' });
    const grant = form.get('grant_type') ?? '';
    const short = grant.replace('urn:ietf:params:oauth:grant-type:', '');
    requests[short] = (requests[short] ?? 0) + 1;
    if (grant === 'urn:ietf:params:oauth:grant-type:device_code') {
      polls++;
      const device = devices.get(form.get('device_code') ?? '');
      if (!device) return oauthError(response, 'invalid_grant');
      device.polls++;
      if (options.slowDownFirst && device.polls === 1) return oauthError(response, 'slow_down');
      if (device.polls <= (options.pendingPolls ?? 1)) return oauthError(response, 'authorization_pending');
      const answer = options.deviceAnswer ?? 'approve';
      if (answer !== 'approve')
        return oauthError(response, answer, answer === 'access_denied' ? 'the user declined' : 'the code timed out');
      devices.delete(form.get('device_code') ?? '');
      return issue('device_code', response);
    }
    if (grant === 'authorization_code') {
      const code = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (!code || code.challenge !== challenge || code.redirectUri !== form.get('redirect_uri'))
        return oauthError(response, 'invalid_grant', 'bad code, verifier or redirect');
      return issue('authorization_code', response);
    }
    if (grant === 'refresh_token') {
      const old = form.get('refresh_token') ?? '';
      if (!refresh.delete(old)) return oauthError(response, 'invalid_grant', 'the refresh token was revoked');
      return issue('refresh_token', response); // rotation: the old one is dead now
    }
    return oauthError(response, 'unsupported_grant_type');
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/authorize') {
      // The user approves at once: back to the client's redirect with a code bound to its PKCE challenge.
      const redirect = new URL(url.searchParams.get('redirect_uri') ?? '');
      const code = newToken('code');
      codes.set(code, { challenge: url.searchParams.get('code_challenge') ?? '', redirectUri: redirect.toString() });
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', url.searchParams.get('state') ?? '');
      response.writeHead(302, { location: redirect.toString() }).end();
      return;
    }
    void formOf(request).then((form) => {
      if (url.pathname === '/device') {
        if (form.get('client_id') !== clientId) return json(response, 401, { error: 'invalid_client' });
        const deviceCode = newToken('dc');
        devices.set(deviceCode, { polls: 0 });
        return json(response, 200, {
          device_code: deviceCode,
          user_code: 'WDJB-MJHT',
          verification_uri: `${base}/verify`,
          expires_in: 600,
          interval: options.intervalS ?? 1,
        });
      }
      if (url.pathname === '/token') return token(form, response);
      if (url.pathname === '/introspect') {
        const user = activeUser(form.get('token') ?? '');
        return json(response, 200, user ? { active: true, username: user } : { active: false });
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  function activeUser(accessToken: string): string | null {
    const dies = access.get(accessToken);
    return dies !== undefined && dies > Date.now() ? options.user : null;
  }
  return {
    url: base,
    deviceAuthorizationUrl: `${base}/device`,
    tokenUrl: `${base}/token`,
    authorizeUrl: `${base}/authorize`,
    introspectionUrl: `${base}/introspect`,
    grants,
    requests,
    get polls() {
      return polls;
    },
    issued,
    activeUser,
    expireAccessTokens: () => {
      for (const key of access.keys()) access.set(key, 0);
    },
    revoke: () => {
      refresh.clear();
      for (const key of access.keys()) access.set(key, 0);
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
