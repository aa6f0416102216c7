// The IMAP adapter: the only file that imports imapflow. A session lists folders, reads status, lists what is
// new (UID + date), fetches sources, waits for a change with IDLE, and appends. Every method takes the mailbox
// lock and releases it in `finally`; no IMAP command is ever issued inside a fetch loop (imapflow deadlocks):
// fetches are collected first, then acted on.
import { ImapFlow } from 'imapflow';
import { errorMessage, FollowthruError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RawMessage } from '../types.js';

export interface ImapOptions {
  host: string;
  port: number;
  /** Implicit TLS. When false, STARTTLS is required unless allowInsecure. */
  secure: boolean;
  allowInsecure: boolean;
  user: string;
  password: string;
  log?: Logger;
  /** A connection silent this long is dropped (default 5 minutes; IDLE is restarted well before). */
  socketTimeoutMs?: number;
  connectTimeoutMs?: number;
}

export interface FolderInfo {
  path: string;
  /** "\\Sent", "\\Drafts"… or null. */
  specialUse: string | null;
}

export interface FolderStatus {
  /** Text: it is an unsigned 32-bit number (imapflow gives a BigInt). */
  uidValidity: string;
  uidNext: number;
  messages: number;
  highestModseq: string | null;
}

export interface PendingMail {
  uid: number;
  /** INTERNALDATE, epoch ms. */
  at: number;
}

export type ChangeResult = 'change' | 'timeout' | 'closed';

export interface ImapSession {
  readonly capabilities: { condstore: boolean; specialUse: boolean; idle: boolean };
  listFolders(): Promise<FolderInfo[]>;
  status(path: string): Promise<FolderStatus>;
  /** UIDs above `afterUid` (or since a day, for a backfill), with their dates, in UID order. */
  listPending(path: string, from: { afterUid: number } | { since: Date }): Promise<PendingMail[]>;
  fetchSources(path: string, uids: readonly number[]): Promise<RawMessage[]>;
  /** IDLE on the folder until something arrives, `maxMs` passes, or the connection closes. */
  waitForChange(path: string, maxMs: number): Promise<ChangeResult>;
  append(path: string, bytes: Buffer, flags?: string[]): Promise<void>;
  onClose(listener: () => void): void;
  close(): Promise<void>;
}

function connectError(options: ImapOptions, error: unknown): FollowthruError {
  const where = `${options.host}:${options.port}`;
  const failure = error as { authenticationFailed?: boolean; responseText?: string };
  if (failure.authenticationFailed) {
    const why = failure.responseText ? ` (${failure.responseText})` : '';
    return new FollowthruError('EIMAP_AUTH', `IMAP login as ${options.user} at ${where} was refused${why} — check the user and password (many providers need an app password)`, { cause: error });
  }
  return new FollowthruError('EIMAP_CONNECT', `cannot reach the IMAP server ${where}: ${errorMessage(error)}`, { cause: error });
}

/** imapflow's range strings: "5,7,9:12". */
export function uidSet(uids: readonly number[]): string {
  const sorted = [...new Set(uids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const start = sorted[i] as number;
    let end = start;
    while (sorted[i + 1] === end + 1) end = sorted[++i] as number;
    parts.push(start === end ? `${start}` : `${start}:${end}`);
  }
  return parts.join(',');
}

export async function openImap(options: ImapOptions): Promise<ImapSession> {
  const client = new ImapFlow({
    host: options.host,
    port: options.port,
    secure: options.secure,
    doSTARTTLS: options.secure ? undefined : !options.allowInsecure,
    auth: { user: options.user, pass: options.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: options.connectTimeoutMs ?? 30_000,
    greetingTimeout: options.connectTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 5 * 60_000,
  });
  const closeListeners: Array<() => void> = [];
  client.on('close', () => closeListeners.forEach((listener) => listener()));
  // Without a listener an 'error' event would crash the process; the close that follows is what we act on.
  client.on('error', (error: unknown) => options.log?.warn({ reason: errorMessage(error) }, 'IMAP connection error'));
  try {
    await client.connect();
  } catch (error) {
    client.close();
    throw connectError(options, error);
  }
  const caps = client.capabilities;
  const withLock = async <T>(path: string, fn: () => Promise<T>): Promise<T> => {
    let lock: { release(): void };
    try {
      lock = await client.getMailboxLock(path);
    } catch (error) {
      throw new FollowthruError('EIMAP_FOLDER', `cannot open the IMAP folder "${path}": ${errorMessage(error)}`, { cause: error });
    }
    try {
      return await fn();
    } finally {
      lock.release();
    }
  };

  return {
    capabilities: { condstore: caps.has('CONDSTORE'), specialUse: caps.has('SPECIAL-USE'), idle: caps.has('IDLE') },
    async listFolders() {
      const list = await client.list();
      // Only the server's own flag: imapflow also guesses from names, and folders.ts does its own guessing.
      return list.map((f) => ({ path: f.path, specialUse: f.specialUseSource === 'name' ? null : (f.specialUse ?? null) }));
    },
    async status(path) {
      const query = { uidValidity: true, uidNext: true, messages: true, highestModseq: caps.has('CONDSTORE') };
      const status = await client.status(path, query).catch((error: unknown) => {
        throw new FollowthruError('EIMAP_FOLDER', `cannot read the status of "${path}": ${errorMessage(error)}`, { cause: error });
      });
      if (!status) throw new FollowthruError('EIMAP_FOLDER', `the server gave no status for "${path}"`);
      return {
        uidValidity: String(status.uidValidity ?? ''),
        uidNext: status.uidNext ?? 0,
        messages: status.messages ?? 0,
        highestModseq: status.highestModseq === undefined ? null : String(status.highestModseq),
      };
    },
    listPending: (path, from) =>
      withLock(path, async () => {
        const query = 'afterUid' in from ? { uid: `${from.afterUid + 1}:*` } : { since: from.since };
        const found = (await client.search(query, { uid: true })) || [];
        // "N:*" always matches the highest UID, even when it is below N.
        const uids = found.filter((uid) => !('afterUid' in from) || uid > from.afterUid);
        if (uids.length === 0) return [];
        const fetched = await client.fetchAll(uidSet(uids), { uid: true, internalDate: true }, { uid: true });
        return fetched
          .map((m) => ({ uid: m.uid, at: m.internalDate ? new Date(m.internalDate).getTime() : 0 }))
          .sort((a, b) => a.uid - b.uid);
      }),
    fetchSources: (path, uids) =>
      withLock(path, async () => {
        if (uids.length === 0) return [];
        const uidValidity = String(client.mailbox ? client.mailbox.uidValidity : '');
        const fetched = await client.fetchAll(uidSet(uids), { uid: true, source: true }, { uid: true });
        return fetched
          .filter((m) => m.source)
          .sort((a, b) => a.uid - b.uid)
          .map((m) => ({ origin: `imap:${path}`, mailbox: path, uidValidity, uid: m.uid, bytes: m.source as Buffer }));
      }),
    async waitForChange(path, maxMs) {
      await withLock(path, async () => undefined);
      return new Promise<ChangeResult>((resolve) => {
        const finish = (result: ChangeResult) => {
          clearTimeout(timer);
          client.off('exists', onExists);
          client.off('close', onClosed);
          resolve(result);
        };
        const onExists = () => finish('change');
        const onClosed = () => finish('closed');
        const timer = setTimeout(() => finish('timeout'), maxMs);
        client.on('exists', onExists);
        client.on('close', onClosed);
        // IDLE runs until the next command breaks it; its promise settles then (or with the connection).
        client.idle().catch(() => finish('closed'));
      });
    },
    async append(path, bytes, flags = []) {
      const result = await client.append(path, bytes, flags);
      if (!result) throw new FollowthruError('EIMAP_FOLDER', `the server refused to store a mail in "${path}"`);
    },
    onClose(listener) {
      closeListeners.push(listener);
    },
    async close() {
      if (!client.usable) return client.close();
      await client.logout().catch(() => client.close());
    },
  };
}
