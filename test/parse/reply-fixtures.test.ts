// The public reply corpora in ../shared/fixtures/reply-signature, scored against expectations written from the
// upstream projects' own assertions (test/fixtures/parse/reply-signature-expected.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitReply } from '../../src/parse/reply-text.js';
import { sharedDir } from '../support/shared.js';

const SHARED = sharedDir('fixtures', 'reply-signature');
const EXPECTED = resolve(process.cwd(), 'test', 'fixtures', 'parse', 'reply-signature-expected.json');

interface Case {
  name: string;
  file: string;
  why: string;
  replace?: Record<string, string>;
  equals?: string;
  keep?: string[];
  drop?: string[];
  /** Why this case is not met yet: it counts against the share but does not fail the run. */
  known?: string;
}
const expected = JSON.parse(readFileSync(EXPECTED, 'utf8')) as { common: string; cases: Case[] };

/** Whitespace is not what these fixtures test: lines trimmed, zero-width spaces and blank runs dropped. */
const norm = (text: string): string =>
  text
    .replace(/[\u200b\ufeff]/g, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');

function problems(c: Case): string[] {
  let body = readFileSync(join(SHARED, c.file), 'utf8');
  for (const [from, to] of Object.entries(c.replace ?? {})) body = body.replace(from, to);
  const got = norm(splitReply(body).newText);
  const out: string[] = [];
  const equals = c.equals === '@COMMON' ? expected.common : c.equals;
  if (equals !== undefined && got !== norm(equals)) out.push(`expected exactly ${JSON.stringify(norm(equals))}`);
  for (const k of c.keep ?? []) if (!got.includes(norm(k))) out.push(`lost ${JSON.stringify(k)}`);
  for (const d of c.drop ?? []) if (got.includes(norm(d))) out.push(`kept ${JSON.stringify(d)}`);
  return out.length ? [...out, `got ${JSON.stringify(got.slice(0, 300))}`] : [];
}

describe('reply-signature fixtures: expected new text', () => {
  const results = expected.cases.map((c) => ({ c, problems: problems(c) }));

  it('covers every fixture file', () => {
    const files = [
      'github-email_reply_parser-emails',
      'crisp-email-reply-parser-fixtures',
      'willdurand-EmailReplyParser-fixtures',
    ].flatMap((set) =>
      readdirSync(join(SHARED, set))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `${set}/${f}`),
    );
    expect(files.filter((f) => !expected.cases.some((c) => c.file === f))).toEqual([]);
  });

  it('passes a high share of cases', () => {
    const passed = results.filter((r) => r.problems.length === 0).length;
    const share = passed / results.length;
    console.log(`reply-signature: ${passed}/${results.length} cases pass (${(share * 100).toFixed(1)}%)`);
    for (const r of results.filter((x) => x.problems.length)) console.log(`  ✗ ${r.c.name}: ${r.problems.join('; ')}`);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it.each(results.filter((r) => !r.c.known).map((r) => [r.c.name, r.c.why, r.problems] as const))(
    '%s (%s)',
    (_name, _why, found) => expect(found).toEqual([]),
  );
});

describe('public reply fixtures (inputs only): no quoted line or attribution survives', () => {
  const sets = [
    'github-email_reply_parser-emails',
    'crisp-email-reply-parser-fixtures',
    'willdurand-EmailReplyParser-fixtures',
  ];
  const fixtures = sets.flatMap((set) =>
    readdirSync(join(SHARED, set))
      .filter((f) => f.endsWith('.txt'))
      .map((f): [string, string] => [`${set}/${f}`, readFileSync(join(SHARED, set, f), 'utf8')]),
  );
  it.each(fixtures)('%s', (_name, body) => {
    const { newText } = splitReply(body);
    expect(newText.split('\n').filter((line) => /^\s*>/.test(line))).toEqual([]);
    expect(newText).not.toMatch(/^On .{0,200} wrote:$/m);
    expect(newText).not.toMatch(/^-+\s*Original Message\s*-+$/im);
  });
});

describe('mailgun/forge signature lines (Enron mail), scored per line', () => {
  // P/ bodies mark signature lines with #sig#; a good split drops them and keeps the lines above. N/ have none.
  const bodies = (set: string) => {
    const dir = join(SHARED, 'mailgun-forge-signatures', set);
    return readdirSync(dir)
      .filter((f) => f.endsWith('_body'))
      .map((f) => readFileSync(join(dir, f), 'utf8'));
  };
  it('drops most signature lines and keeps nearly all body lines', () => {
    const count = { sig: 0, sigDropped: 0, body: 0, bodyKept: 0 };
    for (const marked of [...bodies('P'), ...bodies('N')]) {
      const lines = marked.split('\n');
      const kept = new Set(
        splitReply(lines.map((l) => l.replace(/^#sig#/, '')).join('\n'))
          .newText.split('\n')
          .map((l) => l.trim()),
      );
      for (const line of lines) {
        const text = line.replace(/^#sig#/, '').trim();
        if (!text) continue;
        const isSig = line.startsWith('#sig#');
        count[isSig ? 'sig' : 'body']++;
        if (isSig && !kept.has(text)) count.sigDropped++;
        if (!isSig && kept.has(text)) count.bodyKept++;
      }
    }
    const dropped = count.sigDropped / count.sig;
    const keptShare = count.bodyKept / count.body;
    console.log(
      `mailgun signatures: ${(dropped * 100).toFixed(1)}% of signature lines dropped, ${(keptShare * 100).toFixed(1)}% of body lines kept`,
    );
    expect(keptShare).toBeGreaterThan(0.97);
    expect(dropped).toBeGreaterThan(0.9);
  });
});
