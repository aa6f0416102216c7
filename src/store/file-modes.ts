// The store holds the user's mail and the secret that signs digest tokens: anyone who reads it can forge a
// reply's commands. Its files are the user's alone (0600), its folders too (0700) when followthru makes them.
import { open, stat } from 'node:fs/promises';

export const PRIVATE_FILE = 0o600;
export const PRIVATE_FOLDER = 0o700;
/** SQLite's companions of a store file. They take the mode of the store file itself (SQLite copies it). */
const COMPANIONS = ['-wal', '-shm', '-journal'];

/**
 * Creates `path` empty and 0600 unless it exists, so that SQLite, which would create it 0644, finds it there.
 * An empty file is an empty database to SQLite, and an allowed target of VACUUM INTO.
 */
export async function createPrivateFile(path: string, options: { mustBeNew?: boolean } = {}): Promise<void> {
  const handle = await open(path, options.mustBeNew ? 'wx' : 'a', PRIVATE_FILE);
  await handle.close();
}

/** The store's files (the store, -wal, -shm, -journal, those that exist) that others may read or write. */
export async function widerThanPrivate(path: string): Promise<{ file: string; mode: number }[]> {
  const wider: { file: string; mode: number }[] = [];
  for (const file of [path, ...COMPANIONS.map((suffix) => `${path}${suffix}`)]) {
    const mode = await stat(file).then(
      (s) => s.mode & 0o777,
      () => null,
    );
    if (mode !== null && (mode & 0o077) !== 0) wider.push({ file, mode });
  }
  return wider;
}
