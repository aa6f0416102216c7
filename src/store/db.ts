// The tiny promise API every table module talks to. It names no driver, so swapping sqlite3 for another
// SQLite binding is a change to sqlite.ts alone.

/** What SQLite can store. Booleans are written as 0/1 by the callers, never passed through. */
export type SqlValue = string | number | null | Buffer;

/** Positional (`?`) or named (`$name`) parameters. */
export type SqlParams = readonly SqlValue[] | Readonly<Record<`$${string}`, SqlValue>>;

export interface RunResult {
  /** Rows changed by an INSERT/UPDATE/DELETE. */
  changes: number;
  /** Rowid of the last inserted row (meaningful only when `changes` > 0). */
  lastId: number;
}

/** The API of the store and of a transaction handle alike. */
export interface Db {
  /**
   * The account whose mailbox rows this handle reads and writes (store/scope.ts). null on the store itself:
   * item reads then span every account, and mailbox writes go to "default", the single-account case.
   */
  readonly account: string | null;
  run(sql: string, params?: SqlParams): Promise<RunResult>;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Several statements, no parameters (migrations, pragmas). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in BEGIN IMMEDIATE … COMMIT, or ROLLBACK when it throws. Inside, use `tx` only: the store
   * itself is queued behind the transaction, so calling it from inside is refused rather than deadlocking.
   * On a `tx`, this nests as a SAVEPOINT.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

/** One open connection: statements plus its path and close. What sqlite.ts gives and migrations run on. */
export interface Connection extends Db {
  /** The file path given to openStore (":memory:" for an in-memory store). */
  readonly path: string;
  /** Waits for queued work, then closes the connection. */
  close(): Promise<void>;
}
