// The MailSource port: what sync and the daemon need of a mailbox. The IMAP adapter (imap.ts, the only file
// that imports imapflow) implements it; sync and the daemon name this type, never the adapter's.
import type { RawMessage } from '../types.js';

export interface FolderInfo {
  path: string;
  /** "\\Sent", "\\Drafts"… as the server flagged it, or null (imapflow's guesses from names are dropped). */
  specialUse: string | null;
  flags: string[];
  delimiter: string;
}

export interface FolderStatus {
  /** Text: an unsigned 32-bit number (imapflow gives a BigInt). */
  uidValidity: string;
  uidNext: number;
  messages: number;
  /** CONDSTORE HIGHESTMODSEQ as text, or null without CONDSTORE. */
  highestModseq: string | null;
}

export interface PendingMail {
  uid: number;
  /** INTERNALDATE, epoch ms. */
  at: number;
  /** RFC822.SIZE in bytes, so batches can be cut by size before any body is fetched; 0 when the server gave none. */
  size: number;
}

export type ChangeResult = 'change' | 'timeout' | 'closed' | 'aborted';

export interface MailSource {
  listFolders(): Promise<FolderInfo[]>;
  /** Where the folder stands; its uidValidity and highestModseq are the opaque cursor sync keeps. */
  status(path: string): Promise<FolderStatus>;
  /** Mail above `afterUid` (or since a day), with dates, in order. */
  listPending(path: string, from: { afterUid: number } | { since: Date }): Promise<PendingMail[]>;
  fetchSources(path: string, uids: readonly number[]): Promise<RawMessage[]>;
  /** Opens the folder now, so mail that arrives from here on wakes the next waitForChange on it. */
  watch(path: string): Promise<void>;
  waitForChange(path: string, maxIdleMs: number, signal?: AbortSignal): Promise<ChangeResult>;
  append(path: string, bytes: Buffer, flags?: string[]): Promise<void>;
  /** Whether a mail with this Message-ID (with brackets) is in the folder: did a delivery arrive? */
  hasMessageId(path: string, messageId: string): Promise<boolean>;
  close(): Promise<void>;
  /** Cuts the connection now, without a goodbye: what shutdown does to a command stuck on a slow server. */
  drop(): void;
}
