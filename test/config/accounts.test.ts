import { describe, expect, it } from 'vitest';
import { configForAccount, loadConfig } from '../../src/config.js';
import { failure, type Json, minimal, writeConfig } from './helpers.js';

const imap = (user: string) => ({ host: 'imap.example.com', user, passwordEnv: 'IMAP_PASSWORD' });

function twoAccounts(patch: Json = {}): Json {
  return {
    timezone: 'Europe/London',
    holidays: ['2026-12-25'],
    digest: { deliver: 'imap' },
    accounts: [
      { id: 'work', me: ['me@work.example'], imap: imap('me@work.example'), trackAddress: 'track@work.example' },
      { id: 'home', me: ['Me@Home.example'], imap: imap('me@home.example'), timezone: 'Asia/Tokyo', holidays: [] },
    ],
    ...patch,
  };
}

describe('a config with several accounts', () => {
  it('reads a single-account file as one account with id "default", fields unchanged', async () => {
    const config = await loadConfig(await writeConfig(minimal()), {});
    expect(config.id).toBe('default');
    expect(config.accounts).toHaveLength(1);
    const [only] = config.accounts;
    expect(only).toMatchObject({ id: 'default', me: config.me, imap: config.imap, timezone: config.timezone });
  });

  it('reads each account with the shared settings, which an account may override', async () => {
    const config = await loadConfig(await writeConfig(twoAccounts()), {});
    expect(config.accounts.map((a) => a.id)).toEqual(['work', 'home']);
    const [work, home] = config.accounts;
    expect(work).toMatchObject({
      me: ['me@work.example'],
      timezone: 'Europe/London',
      holidays: ['2026-12-25'],
      trackAddress: 'track@work.example',
    });
    expect(home).toMatchObject({ me: ['me@home.example'], timezone: 'Asia/Tokyo', holidays: [], trackAddress: null });
    expect(home?.imap.user).toBe('me@home.example');
  });

  it('puts the delivering account (digest.account, else the first) on top', async () => {
    expect((await loadConfig(await writeConfig(twoAccounts()), {})).id).toBe('work');
    const config = await loadConfig(
      await writeConfig(twoAccounts({ digest: { deliver: 'imap', account: 'home' } })),
      {},
    );
    expect([config.id, config.me[0], config.digest.to]).toEqual(['home', 'me@home.example', 'me@home.example']);
    expect(config.accounts.map((a) => a.id)).toEqual(['work', 'home']);
  });

  it('gives one account view with configForAccount', async () => {
    const config = await loadConfig(await writeConfig(twoAccounts()), {});
    const home = configForAccount(config, 'home');
    expect([home.id, home.timezone, home.accounts.length]).toEqual(['home', 'Asia/Tokyo', 2]);
    expect(() => configForAccount(config, 'nope')).toThrow(/no account "nope"/);
  });

  it('needs smtp only on the account that delivers the digest', async () => {
    const smtp = { host: 'smtp.example.com', user: 'me@work.example', passwordEnv: 'SMTP_PASSWORD' };
    const file = twoAccounts({ digest: { deliver: 'smtp' } });
    (file.accounts as Json[])[0] = { ...(file.accounts as Json[])[0], smtp };
    expect((await loadConfig(await writeConfig(file), {})).smtp?.host).toBe('smtp.example.com');
  });
});

describe('OAuth2 sign-ins of several accounts', () => {
  it("keep a token file each; a single-account file keeps today's name", async () => {
    const oauth = (user: string) => ({
      host: 'outlook.office365.com',
      user,
      oauth2: { provider: 'microsoft', clientId: 'cid' },
    });
    const config = await loadConfig(
      await writeConfig(
        twoAccounts({
          accounts: [
            { id: 'work', me: ['me@work.example'], imap: oauth('me@work.example') },
            { id: 'home', me: ['me@home.example'], imap: oauth('me@home.example') },
          ],
        }),
      ),
      {},
    );
    const files = config.accounts.map((a) => (a.imap.oauth2 as { tokenFile: string } | null)?.tokenFile);
    expect(files).toEqual([`${config.store.path}.work.oauth2.json`, `${config.store.path}.home.oauth2.json`]);
  });
});

describe('problems in a config with several accounts', () => {
  it.each([
    [
      'an account field names its account',
      (c: Json) => {
        ((c.accounts as Json[])[1] as Json).imap = { user: 'x' };
      },
      'accounts.1.imap.host: is required',
    ],
    [
      'two accounts with one id',
      (c: Json) => {
        ((c.accounts as Json[])[1] as Json).id = 'work';
      },
      'accounts.1.id: "work" names two accounts',
    ],
    [
      'a bad id',
      (c: Json) => {
        ((c.accounts as Json[])[0] as Json).id = 'Work Mail';
      },
      'accounts.0.id: expected a short name',
    ],
    [
      'an unknown account key',
      (c: Json) => {
        ((c.accounts as Json[])[0] as Json).digestt = {};
      },
      'accounts.0.digestt: is not a setting an account can have',
    ],
    [
      'a digest block in an account (shared by every account)',
      (c: Json) => {
        ((c.accounts as Json[])[0] as Json).digest = {};
      },
      'accounts.0.digest: is shared by every account and cannot be set per account — fix: set "digest" once at the top level',
    ],
    [
      'keepInTouch in an account: never silently ignored',
      (c: Json) => {
        ((c.accounts as Json[])[1] as Json).keepInTouch = { excludeDomains: ['home.example'] };
      },
      'accounts.1.keepInTouch: is shared by every account and cannot be set per account',
    ],
    [
      'weeklyReview in an account',
      (c: Json) => {
        ((c.accounts as Json[])[0] as Json).weeklyReview = { enabled: false };
      },
      'accounts.0.weeklyReview: is shared by every account',
    ],
    [
      'me beside accounts',
      (c: Json) => {
        c.me = ['x@example.com'];
      },
      'me: is set beside "accounts"',
    ],
    [
      'an empty list',
      (c: Json) => {
        c.accounts = [];
      },
      'accounts: expected a list of accounts',
    ],
    [
      'digest.account naming nobody',
      (c: Json) => {
        c.digest = { deliver: 'imap', account: 'nobody' };
      },
      'digest.account: names no account',
    ],
    [
      'smtp missing on the delivering account',
      (c: Json) => {
        c.digest = { account: 'home' };
      },
      'accounts.1.smtp: is required',
    ],
  ])('%s', async (_name, edit, expected) => {
    const file = twoAccounts();
    edit(file);
    expect(await failure(file)).toContain(expected);
  });

  it('reports a shared setting once, not once per account', async () => {
    const message = await failure(twoAccounts({ logLevel: 'loud' }));
    expect(message.match(/logLevel:/g)).toHaveLength(1);
  });

  it('refuses a password in any account of a file others can read', async () => {
    const file = twoAccounts();
    ((file.accounts as Json[])[1] as Json).imap = {
      ...imap('me@home.example'),
      passwordEnv: undefined,
      password: 'hunter2',
    };
    expect(await failure(JSON.parse(JSON.stringify(file)), 0o644)).toContain(
      'accounts.1.imap.password: is set, but the config file can be read',
    );
  });
});
