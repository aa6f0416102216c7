// Local mail as a source: .eml files, folders of them, Maildir(++) trees and mbox files. Streams: an mbox is
// read line by line, never whole, so a large archive costs the size of one mail.
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { errorMessage } from '../errors.js';
import type { RawMessage } from '../types.js';

export type LocalMail = RawMessage | { origin: string; error: string };

/** Maildir++ folder ".Sent" → "Sent", ".Sent.Archive" → "Sent/Archive"; the Maildir root is INBOX. */
function maildirFolder(root: string, dir: string): string {
  if (dir === root) return 'INBOX';
  return basename(dir).replace(/^\./, '').replace(/\./g, '/') || 'INBOX';
}

const isMaildir = async (dir: string): Promise<boolean> =>
  (await stat(join(dir, 'cur')).catch(() => null))?.isDirectory() === true;

/** Only the first five bytes are read: an mbox starts with "From ". */
async function looksLikeMbox(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch(() => null);
  if (!file) return false;
  try {
    const { bytesRead, buffer } = await file.read(Buffer.alloc(5), 0, 5, 0);
    return bytesRead === 5 && buffer.toString('latin1') === 'From ';
  } finally {
    await file.close();
  }
}

async function* readMbox(path: string): AsyncGenerator<LocalMail> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Number.POSITIVE_INFINITY });
  let current: string[] | null = null;
  let index = 0;
  const emit = (): RawMessage => ({
    origin: `mbox:${path}#${++index}`,
    mailbox: basename(path).replace(/\.mbox$/i, ''),
    bytes: Buffer.from(`${(current ?? []).join('\n')}\n`, 'latin1'),
  });
  try {
    for await (const line of lines) {
      if (line.startsWith('From ')) {
        if (current) yield emit();
        current = [];
        continue;
      }
      // mboxrd: ">From " (any number of >) in a body was escaped on the way in.
      current?.push(/^>+From /.test(line) ? line.slice(1) : line);
    }
    if (current) yield emit();
  } catch (error) {
    yield { origin: `mbox:${path}`, error: errorMessage(error) };
  }
}

async function* readFileMail(path: string, mailbox: string): AsyncGenerator<LocalMail> {
  try {
    yield { origin: `file:${path}`, mailbox, bytes: await readFile(path) };
  } catch (error) {
    yield { origin: `file:${path}`, error: errorMessage(error) };
  }
}

async function* readMaildir(root: string, dir: string): AsyncGenerator<LocalMail> {
  const folder = maildirFolder(root, dir);
  for (const sub of ['cur', 'new']) {
    const names = (await readdir(join(dir, sub)).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
    for (const name of names) yield* readFileMail(join(dir, sub, name), folder);
  }
  // Maildir++ subfolders live beside cur/new as ".Name".
  const entries = await readdir(dir, { withFileTypes: true });
  for (const entry of entries.filter((e) => e.isDirectory() && e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name))) {
    if (await isMaildir(join(dir, entry.name))) yield* readMaildir(root, join(dir, entry.name));
  }
}

async function* readPath(path: string): AsyncGenerator<LocalMail> {
  const info = await stat(path).catch((error: unknown) => error as Error);
  if (info instanceof Error) {
    yield { origin: `file:${path}`, error: errorMessage(info) };
    return;
  }
  if (info.isDirectory()) {
    if (await isMaildir(path)) return yield* readMaildir(path, path);
    const entries = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
    for (const name of entries) {
      const child = join(path, name);
      const childInfo = await stat(child).catch(() => null);
      if (childInfo?.isDirectory() || /\.(eml|mbox)$/i.test(name)) yield* readPath(child);
    }
    return;
  }
  if (/\.mbox$/i.test(path) || (!/\.eml$/i.test(path) && (await looksLikeMbox(path)))) return yield* readMbox(path);
  yield* readFileMail(path, 'local');
}

/** Every mail under `paths`, in a stable order; an unreadable one is reported and the rest go on. */
export async function* readLocalMail(paths: readonly string[]): AsyncGenerator<LocalMail> {
  for (const path of paths) yield* readPath(resolve(path));
}
