import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type LocalMail, readLocalMail, readMaildir } from '../../src/source/local.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'followthru-local-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const mail = (subject: string, body = 'Hello.') => `From: a@x.example\nSubject: ${subject}\n\n${body}\n`;
const FROM_LINE = 'From a@x Mon Nov 16 07:30:00 2026';

async function collect(items: AsyncIterable<LocalMail>): Promise<LocalMail[]> {
  const out: LocalMail[] = [];
  for await (const item of items) out.push(item);
  return out;
}
const read = (paths: string[]) => collect(readLocalMail(paths));
const subjects = (items: LocalMail[]) =>
  items.map((i) =>
    'bytes' in i ? `${i.mailbox}:${/Subject: (.*)/.exec(i.bytes.toString())?.[1]}` : `error:${i.error}`,
  );
const bytesOf = (item: LocalMail | undefined): Buffer => (item && 'bytes' in item ? item.bytes : Buffer.alloc(0));

async function maildir(root: string, folders: string[]): Promise<void> {
  for (const folder of folders)
    for (const sub of ['cur', 'new', 'tmp']) await mkdir(join(root, folder, sub), { recursive: true });
}

describe('readLocalMail', () => {
  it('reads a Maildir++ tree: INBOX at the root, .Sent as Sent, .Sent.Archive as Sent/Archive, cur then new', async () => {
    await maildir(dir, ['', '.Sent', '.Sent.Archive']);
    await writeFile(join(dir, 'new', '2.b'), mail('in-2'));
    await writeFile(join(dir, 'cur', '1.a:2,S'), mail('in-1'));
    await writeFile(join(dir, '.Sent', 'cur', '1.c:2,S'), mail('sent-1'));
    await writeFile(join(dir, '.Sent.Archive', 'new', '1.d'), mail('old-1'));
    await writeFile(join(dir, 'tmp', 'partial'), mail('never'));
    expect(subjects(await read([dir]))).toEqual(['INBOX:in-1', 'INBOX:in-2', 'Sent:sent-1', 'Sent/Archive:old-1']);
  });

  it('exports readMaildir for a single Maildir root, and names plain sub-Maildirs by path', async () => {
    await maildir(dir, ['', 'Sent']);
    await writeFile(join(dir, 'Sent', 'cur', '1'), mail('sent-1'));
    const items = await collect(readMaildir(dir));
    expect(subjects(items)).toEqual(['Sent:sent-1']);
    expect(items[0]?.origin).toBe(`file:${join(dir, 'Sent', 'cur', '1')}`);
  });

  it('splits an mbox on From lines, un-escapes >From, keeps 8-bit bytes as they were', async () => {
    const file = join(dir, 'Sent.mbox');
    const latin1 = Buffer.from('Caf\xe9 cr\xe8me\n', 'latin1');
    const utf8 = Buffer.from('Café ☕\n', 'utf8');
    await writeFile(
      file,
      Buffer.concat([
        Buffer.from(
          `${FROM_LINE}\n${mail('one', '>From here on, I will call.\n>>From the top.\nFrom what I hear at 10:30 in 2026 it works.')}\n`,
        ),
        Buffer.from(`${FROM_LINE}\nSubject: two\n\n`),
        latin1,
        Buffer.from(`\n${FROM_LINE}\nSubject: three\n\n`),
        utf8,
      ]),
    );
    const items = await read([file]);
    expect(subjects(items)).toEqual(['Sent:one', 'Sent:two', 'Sent:three']);
    const first = bytesOf(items[0]).toString();
    expect(first).toContain('\nFrom here on, I will call.\n>From the top.\nFrom what I hear');
    expect(items[0]?.origin).toBe(`mbox:${file}#1`);
    expect(items[2]?.origin).toBe(`mbox:${file}#3`);
    expect(bytesOf(items[1]).includes(latin1)).toBe(true);
    expect(bytesOf(items[2]).includes(utf8)).toBe(true);
  });

  it('recognises an mbox without the extension by its first line', async () => {
    await writeFile(join(dir, 'Sent'), `${FROM_LINE}\n${mail('one')}`);
    expect(subjects(await read([join(dir, 'Sent')]))).toEqual(['Sent:one']);
  });

  it('reports a .mbox file with text but no From line', async () => {
    await writeFile(join(dir, 'bad.mbox'), mail('x'));
    expect(subjects(await read([join(dir, 'bad.mbox')]))).toEqual([
      'error:not an mbox: text but no "From " separator line',
    ]);
  });

  it('reads .eml files in folders recursively, in name order, and reports what it cannot read', async () => {
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'b.eml'), mail('b'));
    await writeFile(join(dir, 'a.eml'), mail('a'));
    await writeFile(join(dir, 'sub', 'c.eml'), mail('c'));
    await writeFile(join(dir, 'notes.txt'), 'not mail');
    await writeFile(join(dir, '.hidden.eml'), mail('hidden'));
    const items = await read([dir, join(dir, 'missing.eml')]);
    expect(subjects(items).slice(0, 3)).toEqual(['local:a', 'local:b', 'local:c']);
    expect(items[0]?.origin).toBe(`file:${join(dir, 'a.eml')}`);
    expect(items[3]?.origin).toBe(`file:${join(dir, 'missing.eml')}`);
    expect(subjects(items)[3]).toMatch(/^error:.*(ENOENT|no such file)/);
    expect(items).toHaveLength(4);
  });

  it('does not loop on a symlink back up the tree', async () => {
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub', 'a.eml'), mail('a'));
    await symlink(dir, join(dir, 'sub', 'loop'));
    expect(subjects(await read([dir]))).toEqual(['local:a']);
  });
});
