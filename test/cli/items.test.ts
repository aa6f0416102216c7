// The item commands from the terminal (the real binary): the latest digest's numbers, "#id" for list ids, the
// reply grammar (ranges, due, not-a-promise, all), resolved dates, and the digest-age rules (issue 12).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dovecotConfigJson } from '../support/app.js';
import { cli } from '../support/cli.js';
import { type Dovecot, startDovecot } from '../support/dovecot.js';

const NOW = '2026-11-16T13:30:00Z';
const LATER = '2026-11-16T15:00:00Z';
interface Listed {
  id: number;
  status: string;
  text: string;
  due: { date: string } | null;
  snoozedUntil: string | null;
  digestNumber: number | null;
}

describe('followthru done/snooze/due/drop/not-a-promise/reopen with digest numbers (real binary, real Dovecot)', () => {
  let dovecot: Dovecot;
  let dir: string;
  let config: string;
  const list = async (now = LATER): Promise<Listed[]> =>
    JSON.parse((await cli('list', '-c', config, '--json', '--status', 'all', '--now', now)).stdout) as Listed[];
  const numbered = async (n: number, items?: Listed[]): Promise<Listed> => {
    const found = (items ?? (await list())).find((i) => i.digestNumber === n);
    if (!found) throw new Error(`no item with digest number ${n}`);
    return found;
  };
  const byId = async (id: number) => (await list()).find((i) => i.id === id);

  beforeAll(async () => {
    dovecot = await startDovecot();
    dir = await mkdtemp(join(tmpdir(), 'followthru-items-'));
    config = join(dir, 'config.json');
    const json = dovecotConfigJson(dovecot, dir, { me: ['dana@northwind-solar.example'], logLevel: 'warn' });
    await writeFile(config, JSON.stringify(json), { mode: 0o600 });
    expect((await cli('sync', '-c', config, '--from', 'sample/mailbox', '--now', NOW)).code).toBe(0);
    expect((await cli('digest', '--send', '-c', config, '--now', NOW)).stdout).toContain('digest: sent');
  }, 180_000);
  afterAll(async () => {
    await dovecot?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('list shows the digest number beside the list id, and says which digest', async () => {
    const { stdout } = await cli('list', '-c', config, '--now', LATER);
    expect(stdout.split('\n')[0]).toMatch(/^numbers from the digest of Mon 16 Nov/);
    const two = await numbered(2);
    expect(two.id).not.toBe(2); // the bug: "done 2" used to close list item #2
    expect(stdout).toContain(`  2. #${two.id} open`);
  }, 120_000);

  it('"done 2" closes item 2 of the digest, not list id 2', async () => {
    const two = await numbered(2);
    const idTwo = await byId(2);
    const { code, stdout } = await cli('done', '2', '-c', config, '--now', LATER);
    expect(code).toBe(0);
    expect(stdout).toContain('numbers from the digest of Mon 16 Nov');
    expect(stdout).toContain(`done 2 (#${two.id}): "${two.text.slice(0, 30)}`);
    expect((await byId(two.id))?.status).toBe('done');
    expect((await byId(2))?.status).toBe(idTwo?.status);
  }, 120_000);

  it('"#id" is a list id, and "reopen" takes it back', async () => {
    const two = await numbered(2);
    const { code, stdout } = await cli('reopen', `#${two.id}`, '-c', config, '--now', LATER);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^reopen #${two.id}: .*→ open`));
    expect((await byId(two.id))?.status).toBe('open');
  }, 120_000);

  it('ranges, "due N <day>" and "not-a-promise N" work as in a reply', async () => {
    const items = await list();
    const [five, six, one, three] = await Promise.all([5, 6, 1, 3].map((n) => numbered(n, items)));
    expect((await cli('drop', '5-6', '-c', config, '--now', LATER)).code).toBe(0);
    const after = await list();
    expect([five, six].map((i) => after.find((a) => a.id === i?.id)?.status)).toEqual(['dropped', 'dropped']);
    const due = await cli('due', '1', 'friday', '-c', config, '--now', LATER);
    expect(due.stdout).toContain('→ due Fri 20 Nov');
    expect((await byId(one?.id ?? 0))?.due?.date).toBe('2026-11-20');
    expect((await cli('not-a-promise', '3', '-c', config, '--now', LATER)).code).toBe(0);
    expect((await byId(three?.id ?? 0))?.status).toBe('dropped');
  }, 120_000);

  it('"snooze 4 3rd december" snoozes item 4 only, and both the echo and list show the date', async () => {
    const [four, three] = [await numbered(4), await byId((await numbered(3)).id)];
    const { stdout } = await cli('snooze', '4', '3rd', 'december', '-c', config, '--now', LATER);
    expect(stdout).toContain('→ snoozed until Thu 3 Dec');
    expect((await byId(four.id))?.status).toBe('snoozed');
    expect((await byId(three?.id ?? 0))?.status).toBe(three?.status);
    expect((await cli('list', '-c', config, '--now', LATER)).stdout).toMatch(
      new RegExp(`#${four.id} snoozed .* snoozed until Thu 3 Dec`),
    );
  }, 120_000);

  it('a huge number is "no such item" and exits at once, not with a crash', async () => {
    for (const number of ['99999999999999999999', '9007199254740993']) {
      const { code, stderr } = await cli('done', number, '-c', config, '--now', LATER);
      expect({ code, stderr }).toEqual({ code: 1, stderr: `followthru done ${number}: no such item\n` });
    }
    const missing = await cli('done', '77', '-c', config, '--now', LATER);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('done 77: the digest of Mon 16 Nov has no item 77');
  }, 120_000);

  it('"all" needs a digest from the last 2 days; numbers from a digest older than 14 days are refused', async () => {
    const before = await list();
    const bulk = await cli('done', 'all', '-c', config, '--now', '2026-11-19T15:00:00Z');
    expect(bulk.code).toBe(1);
    expect(bulk.stdout).toContain('done all: refused: "all" works only on a digest from the last 2 days');
    const stale = await cli('done', '1', '-c', config, '--now', '2026-12-01T15:00:00Z');
    expect(stale.code).toBe(1);
    expect(stale.stdout).toContain('the digest of Mon 16 Nov is more than 14 days old');
    expect(stale.stdout).toContain("give the list id instead ('#12'");
    expect(await list()).toEqual(before);
  }, 120_000);

  it('a line it cannot read is a usage error with the grammar', async () => {
    const { code, stderr } = await cli('snooze', '2', 'whenever', '-c', config, '--now', LATER);
    expect(code).toBe(2);
    expect(stderr).toContain("list ids as '#12'");
  }, 120_000);
});
