// Getting from a path to a plain JSON value, with errors that say what to do; plus freezing the result.
import { readFile, stat } from 'node:fs/promises';
import { FollowthruError } from '../errors.js';
import type { Problem } from './problems.js';

const fail = (message: string, cause?: unknown): FollowthruError =>
  new FollowthruError('ECONFIG', message, cause === undefined ? undefined : { cause });

/** The file's text and permission bits. */
export async function readConfigFile(path: string): Promise<{ text: string; mode: number }> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, mode: info.mode & 0o777 };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const fix = `run \`followthru init --out ${path}\`, or copy config.example.json there and edit it`;
      throw fail(`no config file at ${path} — fix: ${fix}`, error);
    }
    if (code === 'EISDIR') throw fail(`${path} is a folder, not a config file — fix: point to the JSON file`, error);
    if (code === 'EACCES' || code === 'EPERM') {
      throw fail(`cannot read the config ${path}: permission denied — fix: as its owner, run chmod 600 ${path}`, error);
    }
    throw fail(`cannot read the config ${path}: ${code ?? 'unknown error'} — fix: check the path`, error);
  }
}

/**
 * JSON.parse, but the error never quotes the file: V8's message can include a slice of the text around the
 * mistake, which may be the password. Only a line and column are reported, when V8 gives a position.
 */
export function parseJson(text: string, path: string): unknown {
  const source = text.replace(/^\uFEFF/, ''); // editors on Windows like to add a byte-order mark
  try {
    return JSON.parse(source);
  } catch (error) {
    const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
    let where = '';
    if (position !== undefined) {
      const before = source.slice(0, Number(position)).split('\n');
      where = ` at line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
    } else if (source.trim() === '') {
      where = ': the file is empty';
    }
    const fix =
      'check quotes, commas and brackets; JSON has no comments (use "//key": "…" entries) nor trailing commas';
    throw fail(`the config ${path} is not valid JSON${where} — fix: ${fix}`);
  }
}

/** Drops every key that starts with "//": the documented way to write comments in the config. */
export function stripComments(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripComments);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !key.startsWith('//'))
      .map(([key, inner]) => [key, stripComments(inner)]),
  );
}

/**
 * A password in a file others can read is a password others have; a passwordCommand in a file others can write
 * is a command others choose, run as the user. Refuse both, in every account's blocks too.
 */
export function checkPermissions(raw: unknown, path: string, mode: number): Problem[] {
  if (process.platform === 'win32' || (mode & 0o077) === 0) return [];
  const asObject = (v: unknown): Record<string, unknown> =>
    v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  const octal = mode.toString(8).padStart(3, '0');
  const top = asObject(raw);
  const owners: Array<[prefix: string, blocks: Record<string, unknown>]> = [['', top]];
  if (Array.isArray(top.accounts)) top.accounts.forEach((a, i) => owners.push([`accounts.${i}.`, asObject(a)]));
  const problems: Problem[] = [];
  for (const [prefix, blocks] of owners) {
    for (const block of ['imap', 'smtp']) {
      const server = asObject(blocks[block]);
      if (typeof server.password === 'string') {
        problems.push({
          path: `${prefix}${block}.password`,
          problem: `is set, but the config file can be read by other users (mode ${octal})`,
          fix: `chmod 600 ${path}`,
        });
      }
      if ((mode & 0o022) !== 0 && typeof server.passwordCommand === 'string') {
        problems.push({
          path: `${prefix}${block}.passwordCommand`,
          problem: `is set, but other users can change the config file (mode ${octal}), so they could choose the command followthru runs as you; it was not run`,
          fix: `chmod 600 ${path}`,
        });
      }
    }
  }
  return problems;
}

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
