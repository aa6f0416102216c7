// The only file that imports sqlite3: promise wrappers, one queue per connection, transactions.
import { AsyncLocalStorage } from 'node:async_hooks';
import sqlite3 from 'sqlite3';
import { FollowthruError } from '../errors.js';
import type { Db, RunResult, SqlParams, Store } from './db.js';
import { asDamage } from './health.js';
import { inTransaction } from './transaction.js';

function storeError(error: unknown, sql: string): FollowthruError {
  if (error instanceof FollowthruError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  // The SQL, never the parameters: those hold mail text and addresses, which do not belong in logs.
  const statement = sql.replace(/\s+/g, ' ').trim().slice(0, 80);
  return new FollowthruError('ESTORE', `${detail} (while running: ${statement})`, { cause: error });
}

/** Promise wrappers around one connection, with no ordering of their own. */
class Raw {
  constructor(private readonly db: sqlite3.Database) {}

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (error) {
        if (error) reject(storeError(error, sql));
        else resolve({ changes: this.changes, lastId: this.lastID });
      });
    });
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get<T>(sql, params, (error, row) => (error ? reject(storeError(error, sql)) : resolve(row)));
    });
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all<T>(sql, params, (error, rows) => (error ? reject(storeError(error, sql)) : resolve(rows)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.exec(sql, (error) => (error ? reject(storeError(error, sql)) : resolve()));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.db.close((error) => (error ? reject(storeError(error, 'close')) : resolve()));
    });
  }
}

/**
 * One connection, one queue: every call waits for the previous one, so a transaction's statements never
 * interleave with another caller's. AsyncLocalStorage tells a call made from inside a transaction callback,
 * which would otherwise wait forever behind that very transaction.
 */
class QueuedStore implements Store {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly insideTransaction = new AsyncLocalStorage<true>();
  private closed = false;

  constructor(
    readonly path: string,
    private readonly raw: Raw,
  ) {}

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    if (this.insideTransaction.getStore()) {
      const message =
        'the store was called inside its own transaction: use the tx handle the callback receives';
      return Promise.reject(new FollowthruError('ESTORE', message));
    }
    if (this.closed) return Promise.reject(new FollowthruError('ESTORE', `the store ${this.path} is closed`));
    const result = this.tail.then(job).catch((error: unknown) => {
      throw asDamage(this.path, error);
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  run(sql: string, params?: SqlParams): Promise<RunResult> {
    return this.enqueue(() => this.raw.run(sql, params));
  }
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return this.enqueue(() => this.raw.get<T>(sql, params));
  }
  all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return this.enqueue(() => this.raw.all<T>(sql, params));
  }
  exec(sql: string): Promise<void> {
    return this.enqueue(() => this.raw.exec(sql));
  }
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return this.enqueue(() => this.insideTransaction.run(true, () => inTransaction(this.raw, fn)));
  }
  close(): Promise<void> {
    const done = this.enqueue(() => this.raw.close());
    this.closed = true;
    return done;
  }
}

/**
 * Opens (creating when missing) one SQLite file, or ":memory:". Pragmas and migrations are the caller's.
 * `readOnly` never creates nor writes; `immutable` also tells SQLite that nobody else writes the file, so it
 * needs no -shm beside a WAL store (the way to read a store in a folder we may not write).
 */
export function openSqlite(path: string, access: { readOnly?: boolean; immutable?: boolean } = {}): Promise<Store> {
  return new Promise((resolve, reject) => {
    const mode = access.readOnly
      ? sqlite3.OPEN_READONLY | sqlite3.OPEN_FULLMUTEX | (access.immutable ? sqlite3.OPEN_URI : 0)
      : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE | sqlite3.OPEN_FULLMUTEX;
    const target = access.immutable ? `file:${encodeURI(path).replace(/\?/g, '%3f').replace(/#/g, '%23')}?immutable=1` : path;
    const db: sqlite3.Database = new sqlite3.Database(target, mode, (error) => {
      if (error) {
        reject(
          new FollowthruError('ESTORE', `cannot open the store ${path}: ${error.message}`, { cause: error }),
        );
        return;
      }
      db.serialize(); // statements run in the order they were issued, whatever the thread pool does
      resolve(new QueuedStore(path, new Raw(db)));
    });
  });
}
