// The cross-source table: every corpus under shared/eval found, scored by the real binary, pooled by counts.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crossSourceTable, findCorpora, pool } from '../../src/cli/eval-corpora.js';
import { score } from '../../src/cli/eval-score.js';

const run = promisify(execFile);
const eml = (body: string) =>
  `From: Me <me@example.com>\r\nTo: Bob <bob@example.com>\r\nSubject: t\r\nDate: Thu, 10 May 2001 10:00:00 -0700\r\nMessage-ID: <${Math.random()}@x>\r\n\r\n${body}\r\n`;

describe('cross-source eval', () => {
  let shared: string;
  beforeAll(async () => {
    shared = await mkdtemp(join(tmpdir(), 'followthru-eval-'));
    const corpora = {
      alpha: [
        {
          file: 'a1.eml',
          body: "I'll send you the contract tomorrow.",
          gold: {
            expects_reply: false,
            items: [{ text: "I'll send you the contract tomorrow.", strength: 'firm', due_date: '2001-05-11' }],
          },
        },
        { file: 'a2.eml', body: 'Can you call Bob?', gold: { expects_reply: true, items: [] } },
      ],
      beta: [
        {
          file: 'b1.eml',
          body: 'Thanks for lunch.',
          gold: { expects_reply: false, items: [{ text: 'I will fax it.', strength: 'firm' }] },
        },
      ],
    };
    for (const [name, mails] of Object.entries(corpora)) {
      await mkdir(join(shared, 'eval', name), { recursive: true });
      for (const m of mails) await writeFile(join(shared, 'eval', name, m.file), eml(m.body));
      await writeFile(
        join(shared, 'eval', name, 'gold.jsonl'),
        mails.map((m) => JSON.stringify({ file: m.file, ...m.gold })).join('\n'),
      );
    }
    await mkdir(join(shared, 'eval', 'no-labels'));
  });
  afterAll(() => rm(shared, { recursive: true, force: true }));

  it('finds each folder with a gold.jsonl, in name order', () => {
    expect(findCorpora(join(shared, 'eval')).map((c) => c.name)).toEqual(['alpha', 'beta']);
  });

  it('pools by summing counts, not by averaging ratios', () => {
    const a = score(
      [{ file: 'x', expects_reply: false, items: [{ text: 'I will fax it today', strength: 'firm' }] }],
      [
        {
          file: 'x',
          expectsReply: false,
          commitments: [
            { text: 'I will fax it today', due: null },
            { text: 'I will call Bob now', due: null },
          ],
        },
      ],
    );
    const b = score(
      [{ file: 'y', expects_reply: true, items: [{ text: 'I will send it', strength: 'firm' }] }],
      [{ file: 'y', expectsReply: true, commitments: [] }],
    );
    const pooled = pool([a, b]);
    expect(pooled.commitments).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(pooled.expectsReply.f1).toBe(1);
    expect(
      crossSourceTable(
        [
          { name: 'a', score: a },
          { name: 'b', score: b },
        ],
        ['b'],
      ).at(-2),
    ).toMatch(/^b \(held out\)/);
  });

  it('`followthru eval` with no arguments prints one row per corpus and a pooled row', async () => {
    const { stdout } = await run(process.execPath, [resolve('bin/followthru.js'), 'eval', '--held-out', 'beta'], {
      env: { ...process.env, FOLLOWTHRU_SHARED: shared },
    });
    const rows = stdout.split('\n').filter((l) => /^(alpha|beta|pooled)/.test(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^alpha\s+2\s+1\.00\s+1\.00\s+1\.00\s+1\/0\/0\s+1\.00\s+1\.00 \(1\/1\)/);
    expect(rows[1]).toMatch(/^beta \(held out\)\s+1\s+0\.00\s+0\.00\s+0\.00\s+0\/0\/1\s+0\.00\s+-/);
    expect(rows[2]).toMatch(/^pooled\s+3\s+1\.00\s+0\.50\s+0\.67\s+1\/0\/1/);
  });

  it('`followthru eval --leave-one-out` prints the rules alone beside the scorer trained on the other corpora', async () => {
    const { stdout } = await run(process.execPath, [resolve('bin/followthru.js'), 'eval', '--leave-one-out'], {
      env: { ...process.env, FOLLOWTHRU_SHARED: shared },
    });
    const [rulesPart, scorerPart] = stdout.split('rules + learned scorer');
    expect(rulesPart).toMatch(/^alpha\s+2\s+1\.00\s+1\.00/m);
    expect(rulesPart).not.toMatch(/held out\)/);
    expect(scorerPart).toMatch(/^alpha \(held out\)\s+2\s/m);
    expect(scorerPart).toMatch(/^beta \(held out\)\s+1\s/m);
    expect(scorerPart).toMatch(/^pooled\s+3\s/m);
  });

  it("`followthru explain` shows the scorer's probability and strongest features for a candidate sentence", async () => {
    const { stdout } = await run(process.execPath, [
      resolve('bin/followthru.js'),
      'explain',
      join(shared, 'eval', 'alpha', 'a1.eml'),
    ]);
    expect(stdout).toMatch(/scorer(?: \(off\))?: p (?:0|1)\.\d\d → (?:keep|drop) \(threshold 0\.5\); top: \S+ [+-]\d/);
    expect(stdout).toMatch(/top: .*rule:|top: .*kept-clean/);
  });
});
