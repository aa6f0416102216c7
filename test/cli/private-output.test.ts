// Files the CLI writes that hold mail data (`ics --out`, `digest --html`) are the user's alone: 0600, also when
// an older run left the file 0644. The real binary, a store filled from the sample mailbox.
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';

const NOW = '2026-11-16T13:30:00Z';
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe('ics --out and digest --html write 0600 files', () => {
  let dir: string;
  let config: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-private-out-'));
    config = join(dir, 'config.json');
    const json = {
      me: ['dana@northwind-solar.example'],
      timezone: 'America/Chicago',
      logLevel: 'warn',
      store: { path: join(dir, 'f.db') },
      imap: { host: '127.0.0.1', port: 1, secure: false, allowInsecure: true, user: 'dana', password: 'unused' },
      digest: { deliver: 'imap' },
    };
    await writeFile(config, JSON.stringify(json), { mode: 0o600 });
    expect((await cli('sync', '-c', config, '--from', 'sample/mailbox', '--now', NOW)).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['ics --out', (file: string) => ['ics', '-c', config, '--now', NOW, '--out', file], 'BEGIN:VCALENDAR'],
    ['digest --html', (file: string) => ['digest', '-c', config, '--now', NOW, '--html', file], '<html'],
  ])(
    '%s creates the file 0600, and narrows one left 0644',
    async (_name, args, content) => {
      const fresh = join(dir, `${_name.replace(/\W+/g, '-')}-new`);
      expect((await cli(...args(fresh))).code).toBe(0);
      expect(await readFile(fresh, 'utf8')).toContain(content);
      expect(await modeOf(fresh)).toBe(0o600);

      const old = join(dir, `${_name.replace(/\W+/g, '-')}-old`);
      await writeFile(old, 'stale');
      await chmod(old, 0o644);
      expect((await cli(...args(old))).code).toBe(0);
      expect(await readFile(old, 'utf8')).toContain(content);
      expect(await modeOf(old)).toBe(0o600);
    },
    120_000,
  );
});
