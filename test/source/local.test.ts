import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type LocalMail, readLocalMail } from '../../src/source/local.js';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

const mail = (subject: string, body = 'Hello.') => `From: a@x.example\nSubject: ${subject}\n\n${body}\n`;

async function collect(paths: string[]): Promise<LocalMail[]> {
  const out: LocalMail[] = [];
  for await (const item of readLocalMail(paths)) out.push(item);
  return out;
}
const subjects = (items: LocalMail[]) =>
  items.map((i) => ('bytes' in i ? `${i.mailbox}:${/Subject: (.*)/.exec(i.bytes.toString())?.[1]}` : `error:${i.error}`));

describe('readLocalMail', () => {
  it('reads a Maildir++ tree: INBOX at the root, .Sent as Sent, cur and new', async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-local-'));
    for (const sub of ['cur', 'new', 'tmp', '.Sent/cur', '.Sent/new', '.Sent/tmp']) await mkdir(join(dir, sub), { recursive: true });
    await writeFile(join(dir, 'cur', '1.a:2,S'), mail('in-1'));
    await writeFile(join(dir, 'new', '2.b'), mail('in-2'));
    await writeFile(join(dir, '.Sent', 'cur', '1.c:2,S'), mail('sent-1'));
    expect(subjects(await collect([dir]))).toEqual(['INBOX:in-1', 'INBOX:in-2', 'Sent:sent-1']);
  });

  it('splits an mbox on From lines and un-escapes >From in bodies', async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-local-'));
    const file = join(dir, 'Sent.mbox');
    await writeFile(file, `From a@x Mon Nov 16 07:30:00 2026\n${mail('one', '>From here on, I will call.')}\nFrom a@x Mon Nov 16 07:31:00 2026\n${mail('two')}`);
    const items = await collect([file]);
    expect(subjects(items)).toEqual(['Sent:one', 'Sent:two']);
    const first = items[0];
    expect(first && 'bytes' in first ? first.bytes.toString() : '').toContain('\nFrom here on, I will call.');
    expect(first?.origin).toBe(`mbox:${file}#1`);
  });

  it('reads .eml files in a folder in name order and reports what it cannot read', async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-local-'));
    await writeFile(join(dir, 'b.eml'), mail('b'));
    await writeFile(join(dir, 'a.eml'), mail('a'));
    await writeFile(join(dir, 'notes.txt'), 'not mail');
    const items = await collect([dir, join(dir, 'missing.eml')]);
    expect(subjects(items).slice(0, 2)).toEqual(['local:a', 'local:b']);
    expect(items[2] && 'error' in items[2] ? items[2].error : '').toMatch(/ENOENT|no such file/);
  });
});
