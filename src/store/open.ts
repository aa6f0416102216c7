// Opening a store: folder, pragmas, migrations. And a consistent backup copy.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FollowthruError } from '../errors.js';
import type { Connection, Db } from './db.js';
import type { Store } from './port.js';
import { sqliteStore } from './sqlite-store.js';
import { createPrivateFile, PRIVATE_FOLDER } from './file-modes.js';
import { checkIntegrity, isDamage } from './health.js';
import { MIGRATIONS, type Migration } from './migrations.js';

const isMemory = (path: string): boolean => path === ':memory:' || path === '';

/** Applies every migration newer than PRAGMA user_version, each in its own transaction. Returns the new version. */
export async function migrate(store: Connection, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const current = (await store.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    // An older followthru must not write into a schema it does not know.
    throw new FollowthruError(
      'ESTORE',
      `the store ${store.path} has schema version ${current}, newer than this followthru knows (${latest}) — fix: upgrade followthru`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    const wereOn = (await store.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))?.foreign_keys === 1;
    if (migration.rebuildsTables && wereOn) await store.exec('PRAGMA foreign_keys = OFF');
    try {
      await store.transaction(async (tx) => {
        // Read again under the write lock: another process opening the same new store may have applied it meanwhile.
        const now = (await tx.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
        if (now >= migration.version) return;
        await tx.exec(migration.sql);
        if (migration.rebuildsTables) {
          const broken = await tx.all('PRAGMA foreign_key_check');
          if (broken.length > 0) {
            throw new FollowthruError(
              'ESTORE',
              `migration ${migration.version} (${migration.name}) would leave ${broken.length} rows pointing at nothing`,
            );
          }
        }
        // user_version lives in the database header, which the transaction covers: it moves only on COMMIT.
        await tx.exec(`PRAGMA user_version = ${Math.trunc(migration.version)}`);
      });
    } finally {
      if (migration.rebuildsTables && wereOn) await store.exec('PRAGMA foreign_keys = ON');
    }
  }
  return Math.max(current, latest);
}

export interface OpenStoreOptions {
  /** For commands that only read (list, status, digest --print): works on a read-only file, never migrates. */
  readOnly?: boolean;
}

/**
 * Opens the store at `path` (created 0600 with its folder 0700 when missing; SQLite gives -wal and -shm the
 * file's mode), with WAL, a 5 s busy timeout and foreign keys on, migrated to the latest schema.
 * The SQLite binding is loaded here, on first use.
 */
export async function openStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  const { openSqlite } = await import('./sqlite.js');
  // A store not made yet is made (empty), so `list` before the first sync says "nothing tracked yet".
  if (options.readOnly && !isMemory(path) && existsSync(path)) return openReadOnly(path, openSqlite);
  if (!isMemory(path)) {
    await mkdir(dirname(resolve(path)), { recursive: true, mode: PRIVATE_FOLDER }).catch((error: unknown) => {
      throw new FollowthruError('ESTORE', `cannot create the folder for the store ${path}`, { cause: error });
    });
    await createPrivateFile(path).catch((error: unknown) => {
      throw new FollowthruError('ESTORE', `cannot create the store ${path}`, { cause: error });
    });
  }
  const store = await openSqlite(path);
  try {
    // foreign_keys cannot change inside a transaction, so it is set before any migration runs.
    await store.exec('PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;');
    // WAL lets readers (a `list` while the daemon syncs) proceed during a write. It sticks to the file.
    await store.get('PRAGMA journal_mode = WAL');
    await store.exec('PRAGMA synchronous = NORMAL;');
    if (!isMemory(path)) await checkIntegrity(store);
    await migrate(store);
    return sqliteStore(store, backupStore);
  } catch (error) {
    await store.close().catch(() => undefined);
    if (isDamage(error)) throw error; // already one message with its fix
    if (error instanceof FollowthruError) {
      throw new FollowthruError('ESTORE', `cannot open the store ${path}: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}

type OpenSqlite = (typeof import('./sqlite.js'))['openSqlite'];

/**
 * A store for reading only: never created, migrated or written. A WAL store in a folder we may not write has
 * no -shm to share, so that case is opened immutable (nobody may write it while we read, which holds: we
 * could not write it either).
 */
async function openReadOnly(path: string, openSqlite: OpenSqlite): Promise<Store> {
  for (const immutable of [false, true]) {
    const store = await openSqlite(path, { readOnly: true, immutable });
    try {
      await store.exec('PRAGMA busy_timeout = 5000;');
      const version = (await store.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
      const latest = MIGRATIONS.at(-1)?.version ?? 0;
      if (version !== latest) {
        const fix = version < latest ? 'run `followthru sync` once (it upgrades the store)' : 'upgrade followthru';
        throw new FollowthruError(
          'ESTORE',
          `the store ${path} has schema version ${version}, this followthru reads ${latest} — fix: ${fix}`,
        );
      }
      return sqliteStore(store, backupStore);
    } catch (error) {
      await store.close().catch(() => undefined);
      const cannotShare = /unable to open|readonly|read-only|SQLITE_CANTOPEN/i.test(String(error));
      if (immutable || !cannotShare || isDamage(error)) throw error;
    }
  }
  throw new FollowthruError('ESTORE', `cannot open the store ${path} for reading`);
}

/**
 * Writes a consistent copy of the store to `destPath` with VACUUM INTO (safe while the daemon runs), 0600. The
 * copy is written beside the destination and renamed over it, so a crash never leaves half a backup under its name.
 */
export async function backupStore(store: Db, destPath: string): Promise<void> {
  const target = resolve(destPath);
  const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true, mode: PRIVATE_FOLDER });
    await createPrivateFile(temporary, { mustBeNew: true }); // VACUUM INTO alone would write it 0644
    await store.run('VACUUM INTO ?', [temporary]);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    if (error instanceof FollowthruError) throw error;
    throw new FollowthruError('ESTORE', `cannot write the backup ${target}`, { cause: error });
  }
}
