// Is a path the same file as another? By path, or by device and inode through a link.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Same file (by path, or by device and inode through a link)? */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [x, y] = await Promise.all([stat(a).catch(() => null), stat(b).catch(() => null)]);
  return x !== null && y !== null && x.dev === y.dev && x.ino === y.ino;
}
