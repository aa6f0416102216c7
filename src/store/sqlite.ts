// The only file that imports better-sqlite3: a synchronous driver behind the store's promise API, one queue per
// connection, transactions, and prepared statements reused across calls.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { FollowthruError } from '../errors.js';
import type { Connection, Db, RunResult, SqlParams } from './db.js';
import { asDamage } from './health.js';
import { inTransaction } from './transaction.js';

function storeError(error: unknown, sql: string): FollowthruError {
  if (error instanceof FollowthruError) return error;
  // "SQLITE_FULL: database or disk is full": the code in front, as the error classifiers read it.
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const detail =
    typeof code === 'string' && code.startsWith('SQLITE_') && !message.startsWith(code)
      ? `${code}: ${message}`
      : message;
  // The SQL, never the parameters: those hold mail text and addresses, which do not belong in logs.
  const statement = sql.replace(/\s+/g, ' ').trim().slice(0, 80);
  return new FollowthruError('ESTORE', `${detail} (while running: ${statement})`, { cause: error });
}

/** Statements kept prepared, most recently used last; the oldest goes past this many (IN lists vary in length). */
const PREPARED_MAX = 128;

/** better-sqlite3 takes positional parameters as an array and named ones without their `$`. */
function bind(params: SqlParams): unknown[] {
  if (Array.isArray(params)) return params as unknown[];
  const named: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) named[key.replace(/^\$/, '')] = value;
  return [named];
}

/** Promise wrappers around one connection, with no ordering of their own. */
class Raw {
  private readonly prepared = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement {
    let statement = this.prepared.get(sql);
    if (statement) this.prepared.delete(sql);
    else statement = this.db.prepare(sql);
    this.prepared.set(sql, statement);
    if (this.prepared.size > PREPARED_MAX) this.prepared.delete(this.prepared.keys().next().value as string);
    return statement;
  }

  private call<T>(sql: string, job: () => T): Promise<T> {
    try {
      return Promise.resolve(job());
    } catch (error) {
      return Promise.reject(storeError(error, sql));
    }
  }

  run(sql: string, params: SqlParams = []): Promise<RunResult> {
    return this.call(sql, () => {
      const { changes, lastInsertRowid } = this.statement(sql).run(...bind(params));
      return { changes, lastId: Number(lastInsertRowid) };
    });
  }

  get<T>(sql: string, params: SqlParams = []): Promise<T | undefined> {
    return this.call(sql, () => {
      const statement = this.statement(sql);
      return (statement.reader ? statement.get(...bind(params)) : (statement.run(...bind(params)), undefined)) as
        T | undefined;
    });
  }

  all<T>(sql: string, params: SqlParams = []): Promise<T[]> {
    return this.call(sql, () => {
      const statement = this.statement(sql);
      // A PRAGMA or a write run through all() returns no rows: run it instead of failing.
      return (statement.reader ? statement.all(...bind(params)) : (statement.run(...bind(params)), [])) as T[];
    });
  }

  exec(sql: string): Promise<void> {
    return this.call(sql, () => void this.db.exec(sql));
  }

  close(): Promise<void> {
    return this.call('close', () => {
      this.prepared.clear();
      this.db.close();
    });
  }
}

/**
 * One connection, one queue: every call waits for the previous one, so a transaction's statements never
 * interleave with another caller's. AsyncLocalStorage tells a call made from inside a transaction callback,
 * which would otherwise wait forever behind that very transaction.
 */
class QueuedStore implements Connection {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly insideTransaction = new AsyncLocalStorage<true>();
  private closed = false;
  readonly account = null;

  constructor(
    readonly path: string,
    private readonly raw: Raw,
  ) {}

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    if (this.insideTransaction.getStore()) {
      const message = 'the store was called inside its own transaction: use the tx handle the callback receives';
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
 * `readOnly` never creates nor writes. `immutable` is for a store in a folder we may not write, where a WAL
 * store has no -shm to share: better-sqlite3 takes no URI (so no `?immutable=1`), so the file is read into
 * memory and opened from there, marked as a rollback-journal file so SQLite looks for no -wal/-shm at all.
 */
export function openSqlite(
  path: string,
  access: { readOnly?: boolean; immutable?: boolean } = {},
): Promise<Connection> {
  try {
    const db = access.immutable
      ? new Database(inMemoryCopy(path), { readonly: true })
      : new Database(path, { readonly: access.readOnly === true, fileMustExist: access.readOnly === true });
    return Promise.resolve(new QueuedStore(path, new Raw(db)));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return Promise.reject(new FollowthruError('ESTORE', `cannot open the store ${path}: ${detail}`, { cause: error }));
  }
}

/** The file's bytes with the header's WAL marks (offsets 18 and 19: 2 = WAL) set back to 1 (rollback journal). */
function inMemoryCopy(path: string): Buffer {
  const bytes = readFileSync(path);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return bytes;
}
