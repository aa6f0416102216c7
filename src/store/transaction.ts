// Transactions over any connection that runs statements in order: BEGIN IMMEDIATE at the top, SAVEPOINTs below.
import { FollowthruError } from '../errors.js';
import type { Db } from './db.js';

/** A connection's statements without queueing: what a transaction runs on. */
export type Statements = Omit<Db, 'transaction' | 'account'>;

interface Bracket {
  begin: string;
  commit: string;
  rollback: string;
}

const TOP: Bracket = { begin: 'BEGIN IMMEDIATE', commit: 'COMMIT', rollback: 'ROLLBACK' };
const savepoint = (depth: number): Bracket => ({
  begin: `SAVEPOINT sp${depth}`,
  commit: `RELEASE sp${depth}`,
  rollback: `ROLLBACK TO sp${depth}; RELEASE sp${depth}`,
});

/** Runs fn inside a bracket. The handle dies with the transaction so a stray late call cannot leak outside it. */
async function inside<T>(raw: Statements, depth: number, bracket: Bracket, fn: (tx: Db) => Promise<T>): Promise<T> {
  await raw.exec(bracket.begin);
  let open = true;
  const guard = <R>(job: () => Promise<R>): Promise<R> =>
    open
      ? job()
      : Promise.reject(new FollowthruError('ESTORE', 'a transaction handle was used after its transaction ended'));
  const tx: Db = {
    account: null, // scopeTo() wraps the handle when the transaction was opened on a scoped one
    run: (sql, params) => guard(() => raw.run(sql, params)),
    get: (sql, params) => guard(() => raw.get(sql, params)),
    all: (sql, params) => guard(() => raw.all(sql, params)),
    exec: (sql) => guard(() => raw.exec(sql)),
    transaction: (inner) => guard(() => inside(raw, depth + 1, savepoint(depth + 1), inner)),
  };
  try {
    const result = await fn(tx);
    await raw.exec(bracket.commit);
    return result;
  } catch (error) {
    // A failed ROLLBACK (e.g. SQLite already rolled back on its own) must not hide the original error.
    await raw.exec(bracket.rollback).catch(() => undefined);
    throw error;
  } finally {
    open = false;
  }
}

/** BEGIN IMMEDIATE takes the write lock up front, so a transaction never fails halfway on a lock upgrade. */
export function inTransaction<T>(raw: Statements, fn: (tx: Db) => Promise<T>): Promise<T> {
  return inside(raw, 0, TOP, fn);
}
