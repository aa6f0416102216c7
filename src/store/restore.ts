// followthru restore: put a backup in place of the store. The backup is checked whole first; the current store
// (with its -wal, which holds committed data) is moved aside, never deleted; nothing happens under a daemon.
import { chmod, copyFile, rename, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { FollowthruError } from '../errors.js';
import { lockPathFor, storeLockHolder } from '../scheduler/lock.js';
import { MIGRATIONS } from './migrations.js';
import { openSqlite } from './sqlite.js';

const SIDE_FILES = ['-wal', '-shm'] as const;

/** PRAGMA integrity_check over the whole backup, read-only, plus a schema this followthru can read. */
export async function checkBackup(file: string): Promise<void> {
  const bad = (why: string, cause?: unknown) =>
    new FollowthruError('ESTORE', `the backup ${file} cannot be restored: ${why} — nothing was changed`, { cause });
  if (!existsSync(file)) throw bad('there is no such file');
  let db;
  try {
    db = await openSqlite(file, { readOnly: true });
  } catch (error) {
    throw bad('it cannot be opened', error);
  }
  try {
    const rows = await db.all<{ integrity_check: string }>('PRAGMA integrity_check(5)').catch((error: unknown) => {
      throw bad('it is not a followthru store (not an SQLite file, or damaged)', error);
    });
    const problems = rows.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    if (problems.length) throw bad(`it is damaged (${problems.join('; ').slice(0, 200)})`);
    const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
    const latest = MIGRATIONS.at(-1)?.version ?? 0;
    const items = await db.get<{ n: number }>(
      "SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'items'",
    );
    if (version === 0 || !items?.n) throw bad('it is not a followthru store');
    if (version > latest)
      throw bad(`it was written by a newer followthru (schema ${version}, this one knows ${latest})`);
  } finally {
    await db.close().catch(() => undefined);
  }
}

export interface RestoreResult {
  /** Where the previous store now is, or null when there was none. */
  keptAside: string | null;
}

/** Refuses under a daemon or with a bad backup; else moves the current store aside and copies the backup in. */
export async function restoreStore(storePath: string, backupFile: string, now: Date): Promise<RestoreResult> {
  const store = resolve(storePath);
  const backup = resolve(backupFile);
  if (backup === store) throw new FollowthruError('ESTORE', `${backup} is the store itself — fix: name a backup file`);
  // The run lock's own check: a pid that is gone, or is no followthru, is a stale lock and does not stop us.
  const holder = storeLockHolder(store);
  if (holder !== null) {
    throw new FollowthruError(
      'ESTORE',
      `a followthru daemon (pid ${holder}, from ${lockPathFor(store)}) is using the store ${store} — fix: stop it first (systemctl --user stop followthru), then restore`,
    );
  }
  await checkBackup(backup);
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const aside = `${store}.before-restore-${stamp}`;
  const hadStore = existsSync(store);
  const incoming = `${store}.${randomBytes(4).toString('hex')}.restoring`;
  try {
    await copyFile(backup, incoming);
    await chmod(incoming, 0o600);
    if (hadStore) {
      // The -wal holds commits not yet in the main file: it moves with it, so the kept copy stays whole.
      for (const side of SIDE_FILES) if (existsSync(store + side)) await rename(store + side, aside + side);
      await rename(store, aside);
    }
    await rename(incoming, store);
  } catch (error) {
    await rm(incoming, { force: true }).catch(() => undefined);
    throw new FollowthruError('ESTORE', `cannot restore ${backup} onto ${store}`, { cause: error });
  }
  return { keptAside: hadStore ? aside : null };
}
