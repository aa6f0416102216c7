// Account scope: a handle that carries the account whose mailbox rows it reads and writes. The table modules
// read the scope from the handle they are given, so the code of one mailbox (sync, tracking, commands) is the
// same for one account or ten: it is simply handed a scoped handle.
import { DEFAULT_ACCOUNT } from '../config/accounts.js';
import type { Db } from './db.js';

export { DEFAULT_ACCOUNT };

/** The account a mailbox row written or read through `db` belongs to. */
export function mailboxOf(db: Db): string {
  return db.account ?? DEFAULT_ACCOUNT;
}

/** `db` (the store or a transaction) scoped to one account; its transactions are scoped the same way. */
export function scopeTo(db: Db, account: string): Db {
  return {
    account,
    run: (sql, params) => db.run(sql, params),
    get: (sql, params) => db.get(sql, params),
    all: (sql, params) => db.all(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => db.transaction((tx) => fn(scopeTo(tx, account))),
  };
}
