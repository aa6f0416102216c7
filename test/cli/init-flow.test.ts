// init as a newcomer meets it, against a real Dovecot: flags checked before connecting, --force ends at 0600,
// the interactive questions (Enter at the password command, env var name, IMAP user, aliases from Sent), and
// every answer kept after a failed login. Plus: a config others can write never runs its passwordCommand.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInit } from '../../src/cli/init/index.js';
import { cli } from '../support/cli.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

/** Answers each prompt with the next scripted line, and records the prompts. */
function scripted(answers: string[]) {
  const input = new PassThrough();
  const prompts: string[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      prompts.push(chunk.toString());
      const next = answers.shift();
      setImmediate(() => (next === undefined ? input.end() : input.write(`${next}\n`)));
      done();
    },
  });
  return { io: { input, output, interactive: true }, prompts, left: answers };
}

describe('init', () => {
  let dovecot: Dovecot;
  let dir: string;
  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-init-flow-'));
    const sentBy = (from: string, n: number) =>
      `From: ${from}\r\nTo: ann@x.example\r\nSubject: s${n}\r\nDate: ${new Date().toUTCString()}\r\nMessage-ID: <init-flow-${n}@x.example>\r\n\r\nHello.\r\n`;
    // Most of Sent comes from an alias the user has not mentioned.
    for (let n = 0; n < 4; n++) await dovecot.append('Sent', sentBy('Dana Reyes <sales@northwind.example>', n));
    await dovecot.append('Sent', sentBy(dovecot.user, 9));
  });
  afterAll(async () => {
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });
  const server = () => ['--imap-host', dovecot.host, '--imap-port', String(dovecot.port), '--imap-security', 'none'];
  const env = () => ({ ...process.env, FT_PW: dovecot.password });

  it('checks every flag before connecting, and exits 2 naming each bad one', async () => {
    const out = join(dir, 'bad-flags.json');
    const { code, stderr } = await cli(
      [
        'init',
        '--non-interactive',
        '--email',
        'dana',
        '--imap-host',
        dovecot.host,
        '--imap-port',
        'abc',
        '--deliver',
        'fax',
        '--password-env',
        'FT_PW',
        '--out',
        out,
      ],
      { env: env() },
    );
    expect(code).toBe(2);
    expect(stderr).toContain('--imap-port: "abc" is not a port number');
    expect(stderr).toContain('--email: "dana" is not an email address');
    expect(stderr).toContain('--deliver: "fax" is not imap or smtp');
    expect(stderr).not.toMatch(/NaN|Logging in/);
    expect(existsSync(out)).toBe(false);
  });

  it('--force over an existing 0644 file leaves it 0600, as it says; Sent senders become aliases', async () => {
    const out = join(dir, 'config.json');
    await writeFile(out, '{}', { mode: 0o644 });
    const { code, stdout, stderr } = await cli(
      [
        'init',
        '--non-interactive',
        '--email',
        dovecot.user,
        ...server(),
        '--password-env',
        'FT_PW',
        '--out',
        out,
        '--force',
      ],
      { env: env() },
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect(stdout).toMatch(/mode 600: readable only by you/);
    expect(stdout).toContain('Sent also has mail from sales@northwind.example (4 of the last 5)');
    const config = JSON.parse(await readFile(out, 'utf8')) as { me: string[] };
    expect(config.me).toEqual([dovecot.user, 'sales@northwind.example']);
  });

  it('interactive: Enter at the password command asks for a variable; a failed login keeps every answer', async () => {
    const out = join(dir, 'interactive.json');
    process.env.FT_WRONG = 'not-the-password';
    process.env.FT_RIGHT = dovecot.password;
    const lines: string[] = [];
    const { io, prompts } = scripted([
      'dana.reyes@northwind.example', // address, unlike the login
      dovecot.host,
      String(dovecot.port),
      'none',
      dovecot.user, // IMAP user
      '', // no password command: Enter
      'FT_WRONG', // the variable: wrong password
      '', // aliases
      'Europe/Berlin',
      '08:15',
      '',
      // the login failed: every answer is offered again; Enter keeps it, except the variable
      '',
      '',
      '',
      '',
      '',
      '',
      'FT_RIGHT',
      '',
      '',
      '',
      '',
      'y', // sales@ is me too
      '', // and so is the login's own address (Enter: yes)
    ]);
    try {
      await runInit({ out }, (l) => lines.push(l), io);
    } finally {
      delete process.env.FT_WRONG;
      delete process.env.FT_RIGHT;
    }
    expect(lines.join('\n')).toMatch(/That did not work: .*refused/);
    expect(prompts.some((p) => p.startsWith('Name of the environment variable that holds it'))).toBe(true);
    expect(prompts).toContain(`Time zone [Europe/Berlin]: `);
    const config = JSON.parse(await readFile(out, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(config).toMatchObject({
      me: ['dana.reyes@northwind.example', 'sales@northwind.example', dovecot.user],
      timezone: 'Europe/Berlin',
      imap: { user: dovecot.user, passwordEnv: 'FT_RIGHT' },
      digest: { cron: '15 8 * * 1-5' },
    });
    expect(JSON.stringify(config)).not.toContain(dovecot.password);
  });

  it('a config others can write: its passwordCommand is refused before it runs (exit 2)', async () => {
    const marker = join(dir, 'command-ran');
    const config = join(dir, 'writable.json');
    await writeFile(
      config,
      JSON.stringify({
        me: [dovecot.user],
        store: { path: join(dir, 'w.db') },
        digest: { deliver: 'imap' },
        imap: {
          host: dovecot.host,
          port: dovecot.port,
          secure: false,
          allowInsecure: true,
          user: dovecot.user,
          passwordCommand: `touch ${marker}; echo pw`,
        },
      }),
    );
    const { chmod } = await import('node:fs/promises');
    await chmod(config, 0o666);
    const { code, stderr } = await cli(['sync', '--config', config]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/imap\.passwordCommand: is set, but other users can change the config file \(mode 666\)/);
    expect(existsSync(marker)).toBe(false);
  });
});
