// The oauth2 block: presets, `custom` as given, smtp defaulting to imap's sign-in, and one clear error for each
// way to get it wrong (exactly one of a password source or oauth2).
import { describe, expect, it } from 'vitest';
import { credentialFor } from '../../src/auth/credential.js';
import { loadConfig, type OAuth2SignIn } from '../../src/config.js';
import { failure, withConfig, writeConfig } from './helpers.js';

const imapOAuth = (oauth2: Record<string, unknown>) => ({ imap: { passwordEnv: undefined, oauth2 } });
const load = async (content: unknown) => loadConfig(await writeConfig(content), {});

describe('oauth2 presets', () => {
  it('microsoft: device code, IMAP and SMTP scopes with offline_access, the tenant in every URL', async () => {
    const config = await load(
      withConfig(imapOAuth({ provider: 'microsoft', clientId: 'cid', tenant: 'contoso.onmicrosoft.com' })),
    );
    expect(config.imap.oauth2).toMatchObject({
      kind: 'signin',
      flow: 'device',
      clientId: 'cid',
      scopes: [
        'https://outlook.office.com/IMAP.AccessAsUser.All',
        'https://outlook.office.com/SMTP.Send',
        'offline_access',
      ],
      deviceAuthorizationUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/devicecode',
      tokenUrl: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
    });
    expect((config.imap.oauth2 as OAuth2SignIn).tokenFile).toBe(`${config.store.path}.oauth2.json`);
  });

  it('microsoft without a tenant uses "common"', async () => {
    const config = await load(withConfig(imapOAuth({ provider: 'microsoft', clientId: 'cid' })));
    expect((config.imap.oauth2 as OAuth2SignIn).tokenUrl).toBe(
      'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    );
  });

  it('google: loopback with PKCE, the mail scope, a client secret from the environment', async () => {
    const config = await load(
      withConfig(
        imapOAuth({ provider: 'google', clientId: 'cid.apps.googleusercontent.com', clientSecretEnv: 'GOOGLE_SECRET' }),
      ),
    );
    expect(config.imap.oauth2).toMatchObject({
      flow: 'loopback',
      scopes: ['https://mail.google.com/'],
      authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      deviceAuthorizationUrl: null,
      clientSecretEnv: 'GOOGLE_SECRET',
    });
  });

  it('custom takes the URLs and scopes as given', async () => {
    const oauth2 = {
      provider: 'custom',
      clientId: 'c',
      tokenUrl: 'http://127.0.0.1:9/token',
      deviceAuthorizationUrl: 'http://127.0.0.1:9/device',
      scopes: ['mail'],
    };
    const config = await load(withConfig(imapOAuth(oauth2)));
    expect(config.imap.oauth2).toMatchObject({
      flow: 'device',
      tokenUrl: 'http://127.0.0.1:9/token',
      deviceAuthorizationUrl: 'http://127.0.0.1:9/device',
      authorizeUrl: null,
      scopes: ['mail'],
    });
  });

  it('tokenCommand stands alone', async () => {
    const config = await load(withConfig(imapOAuth({ tokenCommand: 'oama access me@example.com' })));
    expect(config.imap.oauth2).toEqual({ kind: 'command', tokenCommand: 'oama access me@example.com' });
  });
});

describe('smtp and the imap sign-in', () => {
  const smtp = (block: Record<string, unknown>) => ({
    ...imapOAuth({ provider: 'microsoft', clientId: 'cid' }),
    smtp: { host: 'smtp.office365.com', user: 'me@example.com', ...block },
    digest: { deliver: 'smtp' },
  });

  it('an smtp block with a user and no password source signs in as imap does, sharing its token file', async () => {
    const config = await load(withConfig(smtp({})));
    expect(config.smtp?.oauth2).toBe(config.imap.oauth2);
  });

  it('the same provider fills in what smtp leaves out, and stays one sign-in', async () => {
    const config = await load(withConfig(smtp({ oauth2: { provider: 'microsoft' } })));
    expect(config.smtp?.oauth2).toBe(config.imap.oauth2);
  });

  it('another provider is a sign-in of its own, with its own token file', async () => {
    const config = await load(withConfig(smtp({ oauth2: { provider: 'google', clientId: 'g' } })));
    expect(config.smtp?.oauth2).toMatchObject({
      provider: 'google',
      tokenFile: `${config.store.path}.smtp.oauth2.json`,
    });
  });

  it('a password on smtp keeps smtp on passwords', async () => {
    const config = await load(withConfig(smtp({ passwordEnv: 'SMTP_PASSWORD' })));
    expect(config.smtp?.oauth2).toBeNull();
  });
});

describe('oauth2 errors', () => {
  it.each([
    [
      'both a password and oauth2',
      withConfig({ imap: { oauth2: { provider: 'microsoft', clientId: 'c' } } }),
      'imap: has both a password source and an oauth2 block',
    ],
    [
      'neither',
      withConfig({ imap: { passwordEnv: undefined } }),
      'imap: has no password source and no oauth2 block, so it cannot log in',
    ],
    ['no provider', withConfig(imapOAuth({ clientId: 'c' })), 'imap.oauth2.provider: is required'],
    [
      'no client ID',
      withConfig(imapOAuth({ provider: 'microsoft' })),
      'imap.oauth2.clientId: is required — fix: register an app',
    ],
    [
      'an unknown provider',
      withConfig(imapOAuth({ provider: 'yahoo', clientId: 'c' })),
      'imap.oauth2.provider: expected "microsoft", "google" or "custom"',
    ],
    [
      'custom without a token URL',
      withConfig(imapOAuth({ provider: 'custom', clientId: 'c', deviceAuthorizationUrl: 'https://x.example/d' })),
      'imap.oauth2.tokenUrl: is required',
    ],
    [
      'custom without a flow',
      withConfig(imapOAuth({ provider: 'custom', clientId: 'c', tokenUrl: 'https://x.example/t' })),
      'imap.oauth2: has neither deviceAuthorizationUrl nor authorizeUrl',
    ],
    [
      'plain http to another host',
      withConfig(
        imapOAuth({
          provider: 'custom',
          clientId: 'c',
          tokenUrl: 'http://x.example/t',
          authorizeUrl: 'https://x.example/a',
        }),
      ),
      'imap.oauth2.tokenUrl: must be an https:// URL',
    ],
    [
      'tokenCommand with a provider',
      withConfig(imapOAuth({ tokenCommand: 'oama access me', provider: 'google' })),
      'imap.oauth2: has tokenCommand and provider',
    ],
    [
      'a misspelt key',
      withConfig(imapOAuth({ provider: 'google', clientId: 'c', clientSecret: 'x' })),
      'imap.oauth2.clientSecret: is not a known setting',
    ],
    [
      'smtp with a user and no way to log in',
      withConfig({ smtp: { host: 's.example.com', user: 'me@example.com' }, digest: { deliver: 'smtp' } }),
      'smtp: has no password source and no oauth2 block',
    ],
  ])('%s', async (_name, content, message) => {
    expect(await failure(content)).toContain(message);
  });
});

describe('tokenCommand', () => {
  it('prints the access token; a failing one is reported like passwordCommand, naming its field', async () => {
    const ok = await load(withConfig(imapOAuth({ tokenCommand: 'echo at-from-helper' })));
    expect(await credentialFor(ok, 'imap')).toEqual({ accessToken: 'at-from-helper' });
    // Like passwordCommand's, the stderr shown has stdout and the command's own words cut out (a secret pasted
    // into the command comes back as "sh: 1: <it>: not found"), so the stderr word is spelled apart here.
    const bad = await load(withConfig(imapOAuth({ tokenCommand: 'echo at-leaked; echo n""ope >&2; exit 3' })));
    const error = (await credentialFor(bad, 'imap').catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      'imap.oauth2.tokenCommand exited with status 3: nope — fix: run the command in a shell to see what it needs',
    );
  });
});
