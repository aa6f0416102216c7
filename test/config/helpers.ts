// Config files written to a fresh temp folder per test, with the permission bits the test asks for.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { FollowthruError } from '../../src/errors.js';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'followthru-config-'));
  dirs.push(dir);
  return dir;
}

/** Writes `content` (an object is JSON-encoded) as config.json; returns its path. */
export async function writeConfig(content: unknown, mode = 0o600): Promise<string> {
  const path = join(await tempDir(), 'config.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  await chmod(path, mode); // explicit: the umask must not decide the permission tests
  return path;
}

export type Json = Record<string, unknown>;

/** The smallest valid config: digests filed over IMAP, so no smtp block is needed. */
export function minimal(): Json {
  return {
    me: ['Me@Example.com'],
    imap: { host: 'imap.example.com', user: 'me@example.com', passwordEnv: 'IMAP_PASSWORD' },
    digest: { deliver: 'imap' },
  };
}

/** minimal() with `patch` merged in, block by block; a key set to undefined is removed. */
export function withConfig(patch: Json): Json {
  const base = minimal();
  for (const [key, value] of Object.entries(patch)) {
    const current = base[key];
    const isBlock = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
    base[key] = isBlock(current) && isBlock(value) ? { ...(current as Json), ...(value as Json) } : value;
  }
  return JSON.parse(JSON.stringify(base)) as Json; // drops the undefined keys
}

/** The ECONFIG message loadConfig throws for `content`. */
export async function failure(content: unknown, mode = 0o600): Promise<string> {
  const error = await loadConfig(await writeConfig(content, mode), {}).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FollowthruError);
  expect((error as FollowthruError).code).toBe('ECONFIG');
  return (error as Error).message;
}
