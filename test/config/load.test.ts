import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { type Json, minimal, tempDir, withConfig, writeConfig } from './helpers.js';

const EXAMPLE = resolve(import.meta.dirname, '../../config.example.json');
const get = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], value);

describe('loadConfig', () => {
  it('loads config.example.json as it ships, comments and nulls included', async () => {
    const config = await loadConfig(EXAMPLE, {});
    expect(config.me).toEqual(['you@example.com', 'you.alias@example.com']);
    expect(config.imap).toMatchObject({ host: 'imap.example.com', passwordEnv: 'FOLLOWTHRU_IMAP_PASSWORD' });
    expect(config.imap).not.toHaveProperty('passwordCommand');
    expect(config.store.path).toBe(resolve(import.meta.dirname, '../../followthru.db'));
  });

  it.each([
    ['me', ['me@example.com']],
    ['backfillDays', 30],
    ['logLevel', 'info'],
    ['imap.port', 993],
    ['imap.secure', true],
    ['imap.allowInsecure', false],
    ['imap.sentFolder', null],
    ['imap.inboxFolder', 'INBOX'],
    ['smtp', null],
    ['digest.cron', '30 7 * * 1-5'],
    ['digest.to', 'me@example.com'],
    ['digest.confirm', true],
    ['digest.quiet', true],
    ['digest.maxItems', 25],
    ['trackAddress', null],
    ['followUp.afterBusinessDays', [3, 7, 14]],
    ['followUp.maxNudges', 3],
    ['holidays', []],
    ['country', 'US'],
  ])('defaults %s to %j', async (path, expected) => {
    const config = await loadConfig(await writeConfig(minimal()), {});
    expect(get(config, path)).toEqual(expected);
  });

  it('defaults the time zones to the system zone, and digest.timezone to the top-level one', async () => {
    const system = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect((await loadConfig(await writeConfig(minimal()), {})).digest.timezone).toBe(system);
    const config = await loadConfig(await writeConfig(withConfig({ timezone: 'Asia/Tokyo' })), {});
    expect([config.timezone, config.digest.timezone]).toEqual(['Asia/Tokyo', 'Asia/Tokyo']);
  });

  it.each<[string, Json, string, unknown]>([
    ['imap STARTTLS from its port', { imap: { port: 143 } }, 'imap.secure', false],
    ['imap port from STARTTLS', { imap: { secure: false } }, 'imap.port', 143],
    ['smtp submission by default', { smtp: { host: 'smtp.example.com' } }, 'smtp.port', 587],
    ['smtp TLS from port 465', { smtp: { host: 's.example.com', port: 465 } }, 'smtp.secure', true],
    ['smtp port from TLS', { smtp: { host: 's.example.com', secure: true } }, 'smtp.port', 465],
    ['a relay without login', { smtp: { host: 's.example.com' } }, 'smtp.user', null],
    ['lower-cased, deduplicated me', { me: ['A@X.com', 'a@x.com', ' B@x.com '] }, 'me', ['a@x.com', 'b@x.com']],
    ['store path relative to the file', { store: { path: 'data/f.db' } }, 'store.path', 'DIR/data/f.db'],
    ['a canonical zone name', { timezone: 'europe/london' }, 'timezone', 'Europe/London'],
    ['a canonical digest zone', { digest: { timezone: 'asia/tokyo' } }, 'digest.timezone', 'Asia/Tokyo'],
    ['store in memory', { store: { path: ':memory:' } }, 'store.path', ':memory:'],
    ['plaintext to loopback', { imap: { host: '127.0.0.1', allowInsecure: true } }, 'imap.allowInsecure', true],
    ['plaintext to ::1', { imap: { host: '[::1]', allowInsecure: true } }, 'imap.host', '[::1]'],
    ['a password in a private file', { imap: { passwordEnv: undefined, password: 'pw' } }, 'imap.password', 'pw'],
  ])('derives %s', async (_case, patch, path, expected) => {
    const file = await writeConfig(withConfig(patch));
    const value = get(await loadConfig(file, {}), path);
    expect(value).toEqual(typeof expected === 'string' ? expected.replace('DIR', join(file, '..')) : expected);
  });

  it('ignores "//" comment keys at every level', async () => {
    const config = withConfig({ '//': ['top'], imap: { '//host': 'the server' } });
    await expect(loadConfig(await writeConfig(config), {})).resolves.toMatchObject({
      imap: { host: 'imap.example.com' },
    });
  });

  it('returns a deeply frozen object', async () => {
    const config = await loadConfig(await writeConfig(minimal()), {});
    expect([config, config.imap, config.me, config.followUp.afterBusinessDays].every(Object.isFrozen)).toBe(true);
    expect(() => {
      (config.imap as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('takes the path from the argument, then FOLLOWTHRU_CONFIG, then ./config.json', async () => {
    const fromArg = await writeConfig(withConfig({ backfillDays: 1 }));
    const fromEnv = await writeConfig(withConfig({ backfillDays: 2 }));
    const cwd = await tempDir();
    await writeFile(join(cwd, 'config.json'), JSON.stringify(withConfig({ backfillDays: 3 })));
    const before = process.cwd();
    process.chdir(cwd);
    try {
      expect((await loadConfig(fromArg, { FOLLOWTHRU_CONFIG: fromEnv })).backfillDays).toBe(1);
      expect((await loadConfig(undefined, { FOLLOWTHRU_CONFIG: fromEnv })).backfillDays).toBe(2);
      expect((await loadConfig(undefined, {})).backfillDays).toBe(3);
    } finally {
      process.chdir(before);
    }
  });
});
