// The store's public face: open it, then pass it (or a transaction's `tx`) to the table functions.

export * from './cursors.js';
export type { Connection, Db, RunResult, SqlParams, SqlValue } from './db.js';
export * from './digest-attempts.js';
export type * from './port.js';
export * from './digests.js';
export { PRIVATE_FILE, widerThanPrivate, writePrivateFile } from './file-modes.js';
export * from './items.js';
export * from './messages.js';
export * from './meta.js';
export * from './outbox.js';
export * from './people.js';
export { MIGRATIONS, type Migration } from './migrations.js';
export { backupStore, migrate, type OpenStoreOptions, openStore } from './open.js';
export { DEFAULT_ACCOUNT, mailboxOf, scopeTo } from './scope.js';
export { checkIntegrity, damagedStoreError, isDamage } from './health.js';
export * from './skips.js';
export * from './suppressions.js';
export * from './threads.js';
