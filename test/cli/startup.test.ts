// Starting the real binary: what `--help`, `status` and `list` load, `--version`, and where the config is found.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const HOOK = resolve('test/support/package-log-hook.mjs');
/** The libraries that made every command take 1.4-2.5 s. */
const HEAVY = ['compromise', 'chrono-node', 'imapflow', 'mailparser', 'nodemailer', 'cli-progress'];

const sampleConfig = (store?: string) => ({
  me: ['dana@northwind-solar.example'],
  timezone: 'America/Chicago',
  logLevel: 'warn',
  ...(store ? { store: { path: store } } : {}),
  imap: { host: 'imap.northwind-solar.example', user: 'dana', passwordEnv: 'UNUSED' },
  digest: { deliver: 'imap' },
});

describe('start-up of the real binary', () => {
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-startup-'));
    config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify(sampleConfig(join(dir, 'f.db'))), { mode: 0o600 });
    const seeded = await cli(['sync', '--config', config, '--from', 'sample/mailbox', '--now', '2026-11-16T13:30:00Z']);
    expect(seeded.code).toBe(0);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function packagesLoadedBy(args: string[]): Promise<{ code: number; stdout: string; packages: Set<string> }> {
    const log = join(dir, `packages-${args[0]}.log`);
    await writeFile(log, '');
    const result = await cli(args, { nodeArgs: ['--import', HOOK], env: { ...process.env, PACKAGE_LOG: log } });
    return { ...result, packages: new Set((await readFile(log, 'utf8')).split('\n').filter(Boolean)) };
  }

  it.each([
    [['--help'], ['zod', 'better-sqlite3', 'sqlite3', 'pino', 'node-cron']],
    [['status'], ['sqlite3']],
    [['list'], ['node-cron', 'sqlite3']],
  ])('%j loads none of the pipeline libraries', async (args, alsoAbsent) => {
    const withConfig = args[0] === '--help' ? args : [...args, '--config', config];
    const { code, packages } = await packagesLoadedBy(withConfig);
    expect(code).toBe(0);
    expect(packages.has('commander')).toBe(true); // the hook did see the packages
    for (const name of [...HEAVY, ...alsoAbsent]) expect(packages, name).not.toContain(name);
  });

  it('--help still lists every command', async () => {
    const { stdout } = await cli(['--help']);
    for (const name of [
      'demo',
      'run',
      'sync',
      'digest',
      'init',
      'doctor',
      'list',
      'done',
      'status',
      'backup',
      'restore',
      'extract',
    ])
      expect(stdout).toContain(name);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    const { code, stdout } = await cli(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it('with no config anywhere, says where it looked and to run `followthru init` (exit 2)', async () => {
    const home = await mkdtemp(join(tmpdir(), 'followthru-home-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'xdg') };
      delete env.FOLLOWTHRU_CONFIG;
      const { code, stderr } = await cli(['status'], { cwd: home, env });
      expect(code).toBe(2);
      expect(stderr).toContain(join(home, 'xdg', 'followthru', 'config.json'));
      expect(stderr).toContain('run `followthru init`');
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it('finds the config in $XDG_CONFIG_HOME/followthru/, and keeps the store beside it', async () => {
    const home = await mkdtemp(join(tmpdir(), 'followthru-home-'));
    try {
      const xdg = join(home, 'xdg', 'followthru');
      await mkdir(xdg, { recursive: true });
      await writeFile(join(xdg, 'config.json'), JSON.stringify(sampleConfig()), { mode: 0o600 });
      const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, 'xdg') };
      delete env.FOLLOWTHRU_CONFIG;
      const synced = await cli(['sync', '--from', resolve('sample/mailbox'), '--now', '2026-11-16T13:30:00Z'], {
        cwd: home,
        env,
      });
      expect(synced.stderr).toBe('');
      expect(synced.code).toBe(0);
      expect(existsSync(join(xdg, 'followthru.db'))).toBe(true);
      const status = await cli(['status'], { cwd: home, env });
      expect(status.stdout).toContain(`store        ${join(xdg, 'followthru.db')}`);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
