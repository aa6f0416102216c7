import { describe, expect, it } from 'vitest';
import { failure, type Json, minimal, withConfig } from './helpers.js';

const EVERY_LINE = /^[\w.*()\s]+: .+ — fix: .+$/;

describe('loadConfig, invalid configs', () => {
  it.each<[string, Json | unknown[], string]>([
    ['no me', withConfig({ me: undefined }), 'me: is required'],
    ['an empty me', withConfig({ me: [] }), 'me: expected a list'],
    ['a bad address in me', withConfig({ me: ['a@b.c', 'nobody'] }), 'me.1: expected an email address'],
    ['an unknown zone', withConfig({ timezone: 'Mars/Olympus' }), 'timezone: expected an IANA time zone'],
    ['negative backfill', withConfig({ backfillDays: -1 }), 'backfillDays: expected a whole number'],
    ['a bad log level', withConfig({ logLevel: 'loud' }), 'logLevel: expected one of'],
    ['an empty store path', withConfig({ store: { path: '' } }), 'store.path: expected a file path'],
    ['no imap', withConfig({ imap: undefined }), 'imap: is required'],
    ['no imap host', withConfig({ imap: { host: undefined } }), 'imap.host: is required'],
    ['no imap user', withConfig({ imap: { user: undefined } }), 'imap.user: is required'],
    [
      'a port out of range',
      withConfig({ imap: { port: 70000 } }),
      'imap.port: expected a number from 1 to 65535 — fix: use 993 for implicit TLS or 143 for STARTTLS',
    ],
    ['a port as text', withConfig({ imap: { port: '993' } }), 'imap.port: expected a number'],
    ['secure as text', withConfig({ imap: { secure: 'yes' } }), 'imap.secure: expected true or false'],
    ['a bad env var name', withConfig({ imap: { passwordEnv: 'MY-PW' } }), 'imap.passwordEnv: expected the name'],
    ['a misspelt key', withConfig({ imap: { passwrd: 'x' } }), 'imap.passwrd: is not a known setting'],
    ['an unknown top-level key', withConfig({ tpyo: 1 }), 'tpyo: is not a known setting'],
    ['plaintext to a remote host', withConfig({ imap: { allowInsecure: true } }), 'imap.allowInsecure: is only'],
    ['STARTTLS on 993', withConfig({ imap: { port: 993, secure: false } }), 'imap.secure: is false, but port 993'],
    ['TLS on 143', withConfig({ imap: { port: 143, secure: true } }), 'imap.secure: is true, but port 143'],
    ['two password sources', withConfig({ imap: { passwordCommand: 'pass x' } }), 'imap: has 2 password sources'],
    ['smtp delivery without smtp', withConfig({ digest: { deliver: 'smtp' } }), 'smtp: is required when'],
    ['a bad smtp port', withConfig({ smtp: { host: 's.example.com', port: 0 } }), 'smtp.port: expected a number'],
    ['no smtp host', withConfig({ smtp: { port: 587 } }), 'smtp.host: is required'],
    ['a bad cron', withConfig({ digest: { cron: 'every morning' } }), 'digest.cron: expected a cron expression'],
    ['a bad delivery', withConfig({ digest: { deliver: 'pigeon' } }), 'digest.deliver: expected "smtp" or "imap"'],
    ['a bad digest.to', withConfig({ digest: { to: 'boss' } }), 'digest.to: expected an email address'],
    ['zero maxItems', withConfig({ digest: { maxItems: 0 } }), 'digest.maxItems: expected a whole number'],
    ['a bad trackAddress', withConfig({ trackAddress: 'x' }), 'trackAddress: expected an email address'],
    ['unordered follow-ups', withConfig({ followUp: { afterBusinessDays: [7, 3] } }), 'must be strictly increasing'],
    [
      'a fractional follow-up',
      withConfig({ followUp: { afterBusinessDays: [3, 1.5] } }),
      'followUp.afterBusinessDays.1: expected a whole number',
    ],
    ['a day that does not exist', withConfig({ holidays: ['2025-02-30'] }), 'holidays.0: expected a real date'],
    ['a country with no named holidays defined', withConfig({ country: 'XX' }), 'country: expected one of US, CA, GB'],
  ])('names the field for %s', async (_case, content, expected) => {
    const message = await failure(content);
    expect(message).toContain(expected);
    for (const line of message.split('\n').slice(1)) expect(line).toMatch(EVERY_LINE);
  });

  it.each([[[minimal()]], [null], ['text']])('reports a top level of %j as the only problem', async (content) => {
    const lines = (await failure(JSON.stringify(content))).split('\n');
    expect(lines.slice(1)).toEqual(['(top level): expected a JSON object — fix: start from config.example.json']);
  });

  it('lists every problem at once, one per line, under a header naming the file', async () => {
    const content = withConfig({
      me: ['nobody'],
      imap: { port: 0, allowInsecure: true, passwordCommand: 'pass x' },
      digest: { cron: 'soon' },
      followUp: { afterBusinessDays: [9, 2] },
    });
    const lines = (await failure(content)).split('\n');
    expect(lines[0]).toMatch(/^the config .*config\.json has 4 problems:$/);
    expect(lines.slice(1).map((l) => l.split(':')[0])).toEqual([
      'me.0',
      'imap.port',
      'digest.cron',
      'followUp.afterBusinessDays',
    ]);
  });
});
