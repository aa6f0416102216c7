// One exit-code table for every command (README "Exit codes"): 0 ok, 1 runtime, 2 usage or config, 130 Ctrl-C
// (the last is in run-daemon.test.ts).
import { createServer } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes.js';
import { cli } from '../support/cli.js';

describe('exit codes of the real binary', () => {
  let dir: string;
  let config: string;
  let refusing: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-exit-'));
    config = join(dir, 'config.json');
    const json = (port: number) =>
      JSON.stringify({
        me: ['dana@northwind-solar.example'],
        timezone: 'UTC',
        logLevel: 'silent',
        store: { path: join(dir, 'f.db') },
        digest: { deliver: 'imap' },
        imap: { host: '127.0.0.1', port, secure: false, allowInsecure: true, user: 'dana', passwordEnv: 'FT_PW' },
      });
    // A port nobody listens on: the connection is refused at once, a runtime failure.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    await writeFile(config, json(port), { mode: 0o600 });
    refusing = config;
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each<[string, string[], number]>([
    ['--help', ['--help'], EXIT.ok],
    ['--version', ['--version'], EXIT.ok],
    ['list on a fresh store', ['list'], EXIT.ok],
    ['an unknown command', ['frobnicate'], EXIT.usage],
    ['an unknown flag', ['list', '--frob'], EXIT.usage],
    ['a bad --kind', ['list', '--kind', 'nope'], EXIT.usage],
    ['a bad --now', ['list', '--now', 'yesterday-ish'], EXIT.usage],
    ['a bad --log-format', ['sync', '--log-format', 'xml'], EXIT.usage],
    ['digest with nothing to do', ['digest'], EXIT.usage],
    ['a missing config', ['status', '--config', '/nonexistent/config.json'], EXIT.usage],
    ['doctor on a missing config', ['doctor', '--config', '/nonexistent/config.json'], EXIT.usage],
    [
      'init with a bad flag',
      ['init', '--non-interactive', '--imap-port', 'abc', '--out', '/nonexistent/x.json'],
      EXIT.usage,
    ],
    ['sync against a server that refuses the connection', ['sync'], EXIT.failure],
    ['restore of a file that is not there', ['restore', '/nonexistent/backup.db'], EXIT.failure],
  ])('%s → %i', async (_case, args, expected) => {
    const needsConfig =
      !['--help', '--version', 'frobnicate', 'init'].includes(args[0] ?? '') && !args.includes('--config');
    const { code } = await cli(needsConfig ? [...args, '--config', refusing] : args, {
      env: { ...process.env, FT_PW: 'x' },
    });
    expect(code).toBe(expected);
  });
});
