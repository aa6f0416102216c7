// The `oauth2` block of imap and smtp: provider presets, the checks across its fields, and where the refresh
// token lives. Pure. `custom` takes the URLs as given, so the same flows run against any standard OAuth2 server.
import { hasPasswordSource, isLoopback, type SOURCES } from './checks.js';
import type { Problem } from './problems.js';
import type { OAuth2Config, OAuth2Provider, OAuth2SignIn } from './types.js';

/** The block as the schema parsed it (null and absent both mean "not set"). */
export interface RawOAuth2 {
  provider?: OAuth2Provider | null | undefined;
  clientId?: string | null | undefined;
  clientSecretEnv?: string | null | undefined;
  tenant?: string | null | undefined;
  scopes?: string[] | null | undefined;
  authorizeUrl?: string | null | undefined;
  tokenUrl?: string | null | undefined;
  deviceAuthorizationUrl?: string | null | undefined;
  tokenCommand?: string | null | undefined;
}

type Preset = Pick<
  OAuth2SignIn,
  'flow' | 'authorizeUrl' | 'tokenUrl' | 'deviceAuthorizationUrl' | 'scopes' | 'authorizeParams'
>;

const PRESETS: Record<Exclude<OAuth2Provider, 'custom'>, (tenant: string) => Preset> = {
  // Device code flow: works on a headless server, and Microsoft allows it for mail scopes.
  microsoft: (tenant) => {
    const base = `https://login.microsoftonline.com/${encodeURIComponent(tenant)}/oauth2/v2.0`;
    return {
      flow: 'device',
      authorizeUrl: `${base}/authorize`,
      tokenUrl: `${base}/token`,
      deviceAuthorizationUrl: `${base}/devicecode`,
      scopes: [
        'https://outlook.office.com/IMAP.AccessAsUser.All',
        'https://outlook.office.com/SMTP.Send',
        'offline_access',
      ],
      authorizeParams: {},
    };
  },
  // Google refuses the device flow for mail scopes: installed-app flow, loopback redirect, PKCE. Without
  // access_type=offline (and consent asked again) Google issues no refresh token.
  google: () => ({
    flow: 'loopback',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    deviceAuthorizationUrl: null,
    scopes: ['https://mail.google.com/'],
    authorizeParams: { access_type: 'offline', prompt: 'consent' },
  }),
};

const SIGN_IN_KEYS = [
  'provider',
  'clientId',
  'clientSecretEnv',
  'tenant',
  'scopes',
  'authorizeUrl',
  'tokenUrl',
  'deviceAuthorizationUrl',
] as const;
const URL_KEYS = ['authorizeUrl', 'tokenUrl', 'deviceAuthorizationUrl'] as const;

const isSet = (value: unknown): boolean => value !== undefined && value !== null;

function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * smtp's oauth2 block as it applies: absent, it is imap's sign-in when smtp logs in and names no password
 * source; with the same provider as imap, the keys it leaves out come from imap's block.
 */
export function effectiveSmtpOAuth2(
  imap: RawOAuth2 | null | undefined,
  smtp: { oauth2?: RawOAuth2 | null | undefined; user?: string | null | undefined; hasPassword: boolean },
): RawOAuth2 | null {
  const own = smtp.oauth2 ?? null;
  if (!own) return imap && isSet(smtp.user) && !smtp.hasPassword ? imap : null;
  if (!imap || !isSet(own.provider) || own.provider !== imap.provider) return own;
  const given = Object.fromEntries(Object.entries(own).filter(([, v]) => isSet(v)));
  return { ...imap, ...given };
}

/** Problems of one oauth2 block; `at` is its path ("imap.oauth2"). */
export function checkOAuth2(at: string, raw: RawOAuth2): Problem[] {
  const problems: Problem[] = [];
  const missing = (key: string, fix: string) => problems.push({ path: `${at}.${key}`, problem: 'is required', fix });
  if (isSet(raw.tokenCommand)) {
    const mixed = SIGN_IN_KEYS.filter((key) => isSet(raw[key]));
    if (mixed.length > 0) {
      problems.push({
        path: at,
        problem: `has tokenCommand and ${mixed.join(', ')}: a helper command and a sign-in of followthru's own are two ways, pick one`,
        fix: 'keep only tokenCommand, or remove it and use `followthru login`',
      });
    }
    return problems;
  }
  if (!isSet(raw.provider)) missing('provider', '"microsoft", "google" or "custom" (or set tokenCommand instead)');
  if (!isSet(raw.clientId))
    missing(
      'clientId',
      'register an app with your provider (README: "Connect your own account") and paste its client ID',
    );
  if (raw.provider === 'custom') {
    if (!isSet(raw.tokenUrl)) missing('tokenUrl', "your server's token endpoint");
    if (!isSet(raw.deviceAuthorizationUrl) && !isSet(raw.authorizeUrl)) {
      problems.push({
        path: at,
        problem: 'has neither deviceAuthorizationUrl nor authorizeUrl, so no sign-in flow can run',
        fix: 'set deviceAuthorizationUrl (device code flow) or authorizeUrl (browser with a loopback redirect)',
      });
    }
  }
  for (const key of URL_KEYS) {
    const value = raw[key];
    if (typeof value !== 'string') continue;
    const url = parseUrl(value);
    const plainOk = url?.protocol === 'http:' && isLoopback(url.hostname);
    if (!url || (url.protocol !== 'https:' && !plainOk)) {
      problems.push({
        path: `${at}.${key}`,
        problem: 'must be an https:// URL (http:// only for a loopback host)',
        fix: "copy the URL from your provider's documentation",
      });
    }
  }
  return problems;
}

/** The block with presets applied. Call only once checkOAuth2 found nothing. */
export function resolveOAuth2(raw: RawOAuth2, tokenFile: string): OAuth2Config {
  if (isSet(raw.tokenCommand)) return { kind: 'command', tokenCommand: raw.tokenCommand as string };
  const provider = raw.provider as OAuth2Provider;
  const tenant = raw.tenant ?? 'common';
  const preset: Preset =
    provider === 'custom'
      ? {
          flow: isSet(raw.deviceAuthorizationUrl) ? 'device' : 'loopback',
          authorizeUrl: null,
          tokenUrl: '',
          deviceAuthorizationUrl: null,
          scopes: [],
          authorizeParams: {},
        }
      : PRESETS[provider](tenant);
  return {
    kind: 'signin',
    provider,
    flow: preset.flow,
    clientId: raw.clientId as string,
    clientSecretEnv: raw.clientSecretEnv ?? null,
    tenant,
    scopes: [...(raw.scopes ?? preset.scopes)],
    authorizeUrl: raw.authorizeUrl ?? preset.authorizeUrl,
    tokenUrl: raw.tokenUrl ?? preset.tokenUrl,
    deviceAuthorizationUrl: raw.deviceAuthorizationUrl ?? preset.deviceAuthorizationUrl,
    authorizeParams: { ...preset.authorizeParams },
    tokenFile,
  };
}

/** True when two sign-ins would get the same tokens, so they share one refresh token file. */
export function sameSignIn(a: OAuth2Config | null, b: OAuth2Config | null): boolean {
  if (a?.kind !== 'signin' || b?.kind !== 'signin') return false;
  return a.clientId === b.clientId && a.tokenUrl === b.tokenUrl && a.scopes.join(' ') === b.scopes.join(' ');
}

/**
 * Exactly one way to log in: a password source or an oauth2 block (`oauth2` is the block that applies, smtp's
 * possibly inherited from imap). `needsLogin` is false for an smtp relay without a user.
 */
export function checkCredentials(
  block: 'imap' | 'smtp',
  server: Partial<Record<(typeof SOURCES)[number], unknown>> & { oauth2?: unknown },
  oauth2: RawOAuth2 | null,
  needsLogin: boolean,
): Problem[] {
  const password = hasPasswordSource(server);
  if (password && server.oauth2 != null) {
    return [
      {
        path: block,
        problem: 'has both a password source and an oauth2 block',
        fix: 'keep one: oauth2 for Microsoft 365, Outlook.com and Google sign-in, else a password source',
      },
    ];
  }
  if (!password && !oauth2 && needsLogin) {
    const fix = 'set passwordEnv or passwordCommand, or an "oauth2" block (see config.example.json)';
    return [{ path: block, problem: 'has no password source and no oauth2 block, so it cannot log in', fix }];
  }
  return oauth2 && !password ? checkOAuth2(`${block}.oauth2`, oauth2) : [];
}
