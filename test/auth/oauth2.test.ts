// The OAuth2 request/response logic as pure functions: forms, replies, PKCE, polling and refresh timing.
import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  deviceTokenRequest,
  needsRefresh,
  nextPollInterval,
  parseDeviceAuthorization,
  parseTokenReply,
  pkcePair,
  refreshRequest,
  REFRESH_MARGIN_MS,
} from '../../src/auth/oauth2.js';
import type { OAuth2SignIn } from '../../src/config.js';
import { resolveOAuth2 } from '../../src/config/oauth2.js';

const NOW = Date.parse('2026-12-02T09:00:00Z');
const google = resolveOAuth2({ provider: 'google', clientId: 'cid' }, '/tmp/t.json') as OAuth2SignIn;
const microsoft = resolveOAuth2(
  { provider: 'microsoft', clientId: 'cid', tenant: 'contoso.example' },
  '/tmp/t.json',
) as OAuth2SignIn;

describe('PKCE', () => {
  it('matches RFC 7636 appendix B', () => {
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240,
      91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(pkcePair(Buffer.from(octets))).toEqual({
      verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
      challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    });
  });
});

describe('token replies', () => {
  it.each([
    [
      'tokens',
      { status: 200, body: { access_token: 'a1', refresh_token: 'r1', expires_in: 3599, scope: 's' } },
      { kind: 'tokens', tokens: { accessToken: 'a1', refreshToken: 'r1', expiresAt: NOW + 3_599_000, scope: 's' } },
    ],
    [
      'expires_in as text (Microsoft v1)',
      { status: 200, body: { access_token: 'a1', expires_in: '60' } },
      { kind: 'tokens', tokens: { accessToken: 'a1', refreshToken: null, expiresAt: NOW + 60_000, scope: null } },
    ],
    [
      'no expires_in: an hour',
      { status: 200, body: { access_token: 'a1' } },
      { kind: 'tokens', tokens: { accessToken: 'a1', refreshToken: null, expiresAt: NOW + 3_600_000, scope: null } },
    ],
    ['pending', { status: 400, body: { error: 'authorization_pending' } }, { kind: 'pending' }],
    ['slow_down', { status: 400, body: { error: 'slow_down' } }, { kind: 'slow_down' }],
    [
      'invalid_grant',
      { status: 400, body: { error: 'invalid_grant', error_description: 'AADSTS70008: expired\nTrace ID: 1' } },
      { kind: 'refused', error: 'invalid_grant', description: 'AADSTS70008: expired' },
    ],
    ['not JSON', { status: 403, body: null }, { kind: 'refused', error: 'http_403', description: '' }],
    [
      '200 without a token',
      { status: 200, body: { token_type: 'Bearer' } },
      { kind: 'refused', error: 'http_200', description: '' },
    ],
  ])('%s', (_name, reply, expected) => {
    expect(parseTokenReply(reply, NOW)).toEqual(expected);
  });

  it('reads a device authorization, with the RFC default interval when none is given', () => {
    const body = {
      device_code: 'd',
      user_code: 'U',
      verification_url: 'https://microsoft.com/devicelogin',
      expires_in: 900,
    };
    expect(parseDeviceAuthorization({ status: 200, body }, NOW)).toEqual({
      deviceCode: 'd',
      userCode: 'U',
      verificationUri: 'https://microsoft.com/devicelogin',
      verificationUriComplete: null,
      expiresAt: NOW + 900_000,
      intervalMs: 5_000,
    });
    expect(parseDeviceAuthorization({ status: 400, body: { error: 'invalid_client' } }, NOW)).toMatchObject({
      kind: 'refused',
      error: 'invalid_client',
    });
  });
});

describe('polling and refresh timing', () => {
  it('slow_down adds five seconds for good; pending keeps the interval', () => {
    expect(nextPollInterval(5_000, { kind: 'slow_down' })).toBe(10_000);
    expect(nextPollInterval(10_000, { kind: 'pending' })).toBe(10_000);
  });
  it.each([
    ['an hour left', NOW + 3_600_000, false],
    ['just over five minutes left', NOW + REFRESH_MARGIN_MS + 1_000, false],
    ['five minutes left', NOW + REFRESH_MARGIN_MS, true],
    ['already dead', NOW - 1, true],
    ['unknown', null, true],
  ])('%s → refresh %s', (_name, expiresAt, expected) => {
    expect(needsRefresh(expiresAt, NOW)).toBe(expected);
  });
});

describe('requests', () => {
  it('device and refresh grants carry the client and the scopes, never a secret that is not configured', () => {
    expect(deviceTokenRequest(microsoft, null, 'dc')).toEqual({
      url: 'https://login.microsoftonline.com/contoso.example/oauth2/v2.0/token',
      form: { client_id: 'cid', grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'dc' },
    });
    expect(refreshRequest(google, 'sec', 'rt').form).toEqual({
      client_id: 'cid',
      client_secret: 'sec',
      grant_type: 'refresh_token',
      refresh_token: 'rt',
      scope: 'https://mail.google.com/',
    });
  });
  it("Google's authorize URL asks for offline access, S256 and our state", () => {
    const url = new URL(
      authorizeUrl(google, { redirectUri: 'http://127.0.0.1:4711/callback', state: 'st', challenge: 'ch' }),
    );
    expect(url.origin + url.pathname).toBe('https://accounts.google.com/o/oauth2/v2/auth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      access_type: 'offline',
      prompt: 'consent',
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: 'http://127.0.0.1:4711/callback',
      scope: 'https://mail.google.com/',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });
});
