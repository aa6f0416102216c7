import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDoctor } from '../../src/cli/doctor.js';
import { runInit } from '../../src/cli/init/index.js';
import { openApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { runDaemon } from '../../src/scheduler/daemon.js';
import { openImap } from '../../src/source/imap.js';
import { listItems } from '../../src/store/index.js';
import { type Dovecot, imapOptionsOf, startDovecot } from '../support/dovecot.js';

describe('init --non-interactive, then doctor, against a real Dovecot', () => {
  let dovecot: Dovecot;
  let dir: string;
  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-init-'));
    process.env.FT_TEST_IMAP_PASSWORD = dovecot.password;
  });
  afterAll(async () => {
    delete process.env.FT_TEST_IMAP_PASSWORD;
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a config readable only by the user, without the password, that doctor passes', async () => {
    const out = join(dir, 'config.json');
    const lines: string[] = [];
    await runInit(
      {
        nonInteractive: true,
        email: dovecot.user,
        imapHost: dovecot.host,
        imapPort: String(dovecot.port),
        imapSecurity: 'none',
        passwordEnv: 'FT_TEST_IMAP_PASSWORD',
        timezone: 'America/Chicago',
        digestTime: '7:45',
        out,
      },
      (line) => lines.push(line),
    );
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(out, 'utf8');
    expect(text).not.toContain(dovecot.password);
    expect(JSON.parse(text)).toMatchObject({
      imap: { sentFolder: 'Sent', passwordEnv: 'FT_TEST_IMAP_PASSWORD' },
      digest: { cron: '45 7 * * 1-5' },
    });
    expect(lines.join('\n')).toContain('Login works. Sent folder: "Sent".');
    const checks = await runDoctor(out);
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.name)).toEqual([
      'config',
      'store',
      'store files',
      'imap login',
      'identity',
      'digest delivery',
      'time zone',
      'next digest',
    ]);

    // …and `run` works on it: a promise saved to Sent is in the store moments later.
    const app = await openApp(await loadConfig(out), { log: createLogger({ level: 'silent' }) });
    const stop = new AbortController();
    const running = runDaemon(app, { signal: stop.signal });
    try {
      const seed = await openImap(imapOptionsOf(dovecot));
      await seed.append(
        'Sent',
        Buffer.from(
          `From: ${dovecot.user}\r\nTo: Ann <ann@x.example>\r\nSubject: Quote\r\nDate: ${new Date().toUTCString()}\r\nMessage-ID: <init-run@x.example>\r\n\r\nI'll send you the quote tomorrow.\r\n`,
        ),
      );
      await seed.close();
      const end = Date.now() + 10_000;
      while (Date.now() < end && (await listItems(app.store, { kind: 'promise' })).length === 0)
        await new Promise((r) => setTimeout(r, 100));
      expect(await listItems(app.store, { kind: 'promise' })).toHaveLength(1);
    } finally {
      stop.abort();
      await running;
      await app.close();
    }
  });

  it('refuses to write when the login fails, and never shows the password', async () => {
    process.env.FT_TEST_WRONG = 'wrong-password-xyz';
    const error = await runInit(
      {
        nonInteractive: true,
        email: dovecot.user,
        imapHost: dovecot.host,
        imapPort: String(dovecot.port),
        imapSecurity: 'none',
        passwordEnv: 'FT_TEST_WRONG',
        out: join(dir, 'bad.json'),
      },
      () => undefined,
    ).catch((e: unknown) => e);
    expect(String(error)).toMatch(/refused/);
    expect(String(error)).not.toContain('wrong-password-xyz');
    await expect(stat(join(dir, 'bad.json'))).rejects.toThrow();
  });

  it('init --add adds a second account whose login it tested first', async () => {
    const out = join(dir, 'two.json');
    const base = {
      nonInteractive: true,
      imapHost: dovecot.host,
      imapPort: String(dovecot.port),
      imapSecurity: 'none',
      passwordEnv: 'FT_TEST_IMAP_PASSWORD',
      timezone: 'UTC',
      out,
    };
    await runInit({ ...base, email: dovecot.user }, () => undefined);
    await runInit({ ...base, email: dovecot.user, add: true, id: 'second' }, () => undefined);
    const config = await loadConfig(out);
    expect(config.accounts.map((a) => a.id)).toEqual(['default', 'second']);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    await expect(runInit({ ...base, email: dovecot.user, add: true }, () => undefined)).rejects.toThrow(/--id/);
  });

  it('doctor names each problem of a broken config, with its fix', async () => {
    const broken = join(dir, 'broken.json');
    await writeFile(
      broken,
      JSON.stringify({
        me: ['not-an-address'],
        timezone: 'Mars/Olympus',
        imap: { host: 'x.example', user: 'u', port: 99999 },
      }),
      { mode: 0o600 },
    );
    const [config] = await runDoctor(broken);
    expect(config?.ok).toBe(false);
    for (const field of ['me.0', 'timezone', 'imap.port']) expect(config?.detail).toContain(field);
    expect(config?.detail).toMatch(/fix/);
  });

  it('doctor reports a login that fails, with the fix', async () => {
    const cfg = join(dir, 'wrong-login.json');
    await writeFile(
      cfg,
      JSON.stringify({
        me: [dovecot.user],
        timezone: 'UTC',
        store: { path: join(dir, 'w.db') },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordEnv: 'FT_TEST_WRONG',
        },
        digest: { deliver: 'imap' },
      }),
      { mode: 0o600 },
    );
    const checks = await runDoctor(cfg);
    expect(checks.find((c) => c.name === 'imap login')).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/refused.*app password/),
    });
  });
});
