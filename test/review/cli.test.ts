// followthru digest --weekly (the real binary, real Dovecot): printed any day, sent once a day, and its numbers
// are the ones the terminal commands use while it is the latest mail.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotConfigJson } from '../support/app.js';
import { cli } from '../support/cli.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

const NOW = '2026-11-16T13:30:00Z';
const LATER = '2026-11-16T15:00:00Z';

describe('followthru digest --weekly', () => {
  let dovecot: Dovecot;
  let dir: string;
  let config: string;

  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-weekly-'));
    config = join(dir, 'config.json');
    const json = dovecotConfigJson(dovecot, dir, { me: ['dana@northwind-solar.example'], logLevel: 'warn' });
    await writeFile(config, JSON.stringify(json), { mode: 0o600 });
    expect((await cli('sync', '-c', config, '--from', 'sample/mailbox', '--now', NOW)).code).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('--print shows the counts and the numbered lines', async () => {
    const { code, stdout } = await cli('digest', '--weekly', '--print', '-c', config, '--now', NOW);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^The last 7 days \(Tue 10 Nov – Mon 16 Nov\):$/m);
    expect(stdout).toMatch(/^Promises: \d+ made · \d+ kept on time · \d+ kept late · \d+ dropped · \d+ still open$/m);
    expect(stdout).toMatch(/^STILL OPEN \(\d+\)$/m);
    expect(stdout).toMatch(/^1\. "I'll send you the revised quote by Friday\."$/m);
  }, 60_000);

  it('--send files it once; a second --send the same day does nothing', async () => {
    const first = await cli('digest', '--weekly', '--send', '-c', config, '--now', NOW);
    expect(first.stdout).toBe('weekly review: sent\n');
    const again = await cli('digest', '--weekly', '--send', '-c', config, '--now', LATER);
    expect(again.stdout).toBe('weekly review: already-sent\n');
    const subjects = await dovecot.doveadm('fetch', '-u', dovecot.user, 'hdr.subject', 'mailbox', 'INBOX', 'all');
    expect(subjects.match(/followthru weekly review/g)).toHaveLength(1);
  }, 60_000);

  it('while it is the latest mail, "done 1" on the terminal closes its line 1, and says so', async () => {
    const listed = await cli('list', '-c', config, '--now', LATER);
    expect(listed.stdout.split('\n')[0]).toMatch(/^numbers from the weekly review of Mon 16 Nov/);
    const done = await cli('done', '1', '-c', config, '--now', LATER);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^numbers from the weekly review of Mon 16 Nov/);
    const items = JSON.parse((await cli('list', '-c', config, '--json', '--status', 'all', '--now', LATER)).stdout) as {
      text: string;
      status: string;
    }[];
    expect(items.find((i) => i.text === "I'll send you the revised quote by Friday.")?.status).toBe('done');
    // The daily digest is its own, still to be sent today; once it is out, its numbers are the latest.
    expect((await cli('digest', '--send', '-c', config, '--now', LATER)).stdout).toBe('digest: sent\n');
    const after = await cli('list', '-c', config, '--now', LATER);
    expect(after.stdout.split('\n')[0]).toMatch(/^numbers from the digest of Mon 16 Nov/);
  }, 60_000);
});
