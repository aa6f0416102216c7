// The Store port: what the rest of followthru may ask of a store. Account-scoped repositories, transactions,
// and the maintenance the CLI needs (backup, integrity, stats) so that no command writes SQL. The SQLite store
// (open.ts) is its first implementation; test/store/contract.ts is the suite any second engine must pass.
import type { FolderCursor } from './cursors.js';
import type { Connection, Db } from './db.js';
import type { ItemFilter, ItemPatch, NewItem } from './items.js';
import type { StoredMessage } from './messages.js';
import type { SkipRecord } from './skips.js';
import type { TrackedItem } from '../types.js';

export interface ItemRepository {
  insert(item: NewItem, now?: Date): Promise<{ id: number; inserted: boolean }>;
  /** By id, whatever the account: ids are unique across accounts (a digest numbers them all). */
  get(id: number): Promise<TrackedItem | null>;
  update(id: number, patch: ItemPatch, now?: Date): Promise<TrackedItem | null>;
  list(filter?: ItemFilter): Promise<TrackedItem[]>;
}

export interface MessageRepository {
  save(message: StoredMessage): Promise<boolean>;
  has(id: string): Promise<boolean>;
  get(id: string): Promise<StoredMessage | null>;
  inThread(threadId: string): Promise<StoredMessage[]>;
  byMessageId(messageId: string): Promise<StoredMessage | null>;
}

export interface ThreadRepository {
  lookup(keys: readonly string[]): Promise<Map<string, string>>;
  save(keys: readonly string[], threadId: string): Promise<void>;
}

export interface CursorRepository {
  get(folder: string): Promise<FolderCursor | null>;
  list(): Promise<FolderCursor[]>;
  save(cursor: FolderCursor, now?: Date): Promise<void>;
}

export interface SkipRepository {
  record(skip: { origin: string; messageKey: string; reason: string }, now?: Date): Promise<boolean>;
  has(messageKey: string): Promise<boolean>;
  list(options?: { limit?: number }): Promise<SkipRecord[]>;
}

/** One account's view of the store. It is a Store too, so one mailbox's code is handed it unchanged. */
export interface AccountStore extends Store {
  readonly id: string;
  readonly items: ItemRepository;
  readonly messages: MessageRepository;
  readonly threads: ThreadRepository;
  readonly cursors: CursorRepository;
  readonly skips: SkipRepository;
}

export interface StoreStats {
  /** Items per account, kind and status. */
  items: { account: string; kind: string; status: string; count: number }[];
  /** Cursors per account. */
  cursors: (FolderCursor & { account: string })[];
  messages: number;
  digests: number;
}

export interface Store extends Connection {
  forAccount(id: string): AccountStore;
  /** A consistent copy at `destPath`, safe while the daemon writes, readable only by the user. */
  backup(destPath: string): Promise<void>;
  /** Problems found by the engine's own check; empty when the store is sound. */
  integrity(): Promise<string[]>;
  stats(): Promise<StoreStats>;
}

export type { Connection, Db };
