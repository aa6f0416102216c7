// Small key/value facts about this store: the digest token secret, when sync last ran.
import { randomBytes } from 'node:crypto';
import type { Db } from './db.js';

export const META_KEYS = {
  tokenSecret: 'token-secret',
  lastSyncAt: 'last-sync-at',
} as const;

export async function getMeta(db: Db, key: string): Promise<string | null> {
  return (await db.get<{ value: string }>('SELECT value FROM meta WHERE key = ?', [key]))?.value ?? null;
}

export async function setMeta(db: Db, key: string, value: string): Promise<void> {
  await db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [
    key,
    value,
  ]);
}

/**
 * The HMAC secret for digest tokens: 32 random bytes as hex, made on first use and never replaced (a new one
 * would orphan every digest already in an inbox). Insert-if-absent then read, so two racing callers agree.
 */
export async function getOrCreateSecret(db: Db): Promise<string> {
  await db.run('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING', [
    META_KEYS.tokenSecret,
    randomBytes(32).toString('hex'),
  ]);
  return (await getMeta(db, META_KEYS.tokenSecret)) as string;
}

export async function getLastSyncAt(db: Db): Promise<string | null> {
  return getMeta(db, META_KEYS.lastSyncAt);
}

export async function setLastSyncAt(db: Db, at: Date): Promise<void> {
  await setMeta(db, META_KEYS.lastSyncAt, at.toISOString());
}
