// The IMAP adapter: the only file that imports imapflow. A session lists folders, reads status, lists and fetches
// what is new in batches, waits for a change with IDLE, and appends. Two imapflow rules shape it:
// - every mailbox access holds getMailboxLock and releases it in `finally`;
// - no IMAP command is ever issued inside `for await (... of client.fetch())` (imapflow deadlocks): UIDs are
//   searched first, then each batch is fetched whole into an array, then handed on.
import { type FetchMessageObject, type FetchQueryObject, ImapFlow } from 'imapflow';
import { errorMessage, FollowthruError } from '../errors.js';
import type { Logger } from '../log.js';
import type { RawMessage } from '../types.js';
import { filterNew } from './cursor.js';
import type { ChangeResult, FolderInfo, FolderStatus, PendingMail } from './port.js';
import { deadline, withDeadline } from './deadline.js';
import { connectFailure, sessionFailure } from './imap-errors.js';
import { type FetchFrom, searchOf, uidSet } from './imap-ranges.js';

export { type FetchFrom, uidSet };

export interface ImapOptions {
  host: string;
  port: number;
  /** Implicit TLS. When false, STARTTLS is required unless allowInsecure. */
  secure: boolean;
  allowInsecure: boolean;
  user: string;
  /** Exactly one of password (LOGIN/PLAIN) and accessToken (OAuth2: XOAUTH2 or OAUTHBEARER, as the server offers). */
  password?: string;
  accessToken?: string;
  logger?: Logger;
  /** Older name of `logger`. */
  log?: Logger;
  /**
   * Silence detection (default 5 min). While IDLE or a lock is held, a quiet socket gets a probing NOOP and is
   * dropped when that goes unanswered too; a session left unused (no IDLE, no command) is dropped at once.
   * Either way onClose fires and the caller reconnects.
   */
  socketTimeoutMs?: number;
  connectTimeoutMs?: number;
  /**
   * The longest any one command may take, start to end (default 3 min), however busy the socket: past it the
   * connection is dropped and the command fails with EIMAP_CONNECT. Logging in gets twice connectTimeoutMs.
   */
  operationTimeoutMs?: number;
  /** The most fetched of one mail (default 25 MiB); a larger one comes back with `tooLarge` set and no bytes. */
  maxMessageBytes?: number;
}

export interface ImapSession {
  readonly capabilities: { condstore: boolean; specialUse: boolean; idle: boolean };
  listFolders(): Promise<FolderInfo[]>;
  status(path: string): Promise<FolderStatus>;
  /** UIDs above `afterUid` (or since a day), with their dates, in UID order. */
  listPending(path: string, from: { afterUid: number } | { since: Date }): Promise<PendingMail[]>;
  fetchSources(path: string, uids: readonly number[]): Promise<RawMessage[]>;
  /** The first From address of each mail (from the ENVELOPE, no body fetched), lower-cased; '' when none. */
  fromAddresses(path: string, uids: readonly number[]): Promise<string[]>;
  /** New mail in UID order, `batchSize` at a time. The lock is taken per batch, so the caller may use the session between batches. */
  fetchBatches(path: string, from: FetchFrom, batchSize?: number): AsyncGenerator<RawMessage[], void, undefined>;
  /** IDLE on the folder until mail arrives, the time passes, the signal aborts, or the connection closes. */
  waitForChange(path: string, maxIdleMs: number, signal?: AbortSignal): Promise<ChangeResult>;
  /** Opens the folder now, so mail that arrives from here on wakes the next waitForChange on it. */
  watch(path: string): Promise<void>;
  append(path: string, bytes: Buffer, flags?: string[]): Promise<void>;
  /** Is a mail with this Message-ID (with angle brackets) in the folder? How a digest's delivery is checked. */
  hasMessageId(path: string, messageId: string): Promise<boolean>;
  onClose(listener: () => void): void;
  /** LOGOUT (for at most 3 s), then closes. */
  close(): Promise<void>;
  /** Closes the connection at once, no LOGOUT: what a stop does, whatever the server is up to. */
  drop(): void;
}

/** imapflow logs to our logger at debug, whatever its own level: its chatter is never the user's news. */
function imapflowLogger(log: Logger | undefined) {
  if (!log) return false as const;
  const child = log.child({ component: 'imapflow' });
  const to = (level: string) => (entry: unknown) => {
    const { msg, ...fields } = (entry ?? {}) as { msg?: unknown };
    child.debug({ level_imapflow: level, ...fields }, typeof msg === 'string' ? msg : 'imapflow');
  };
  return {
    trace: () => undefined,
    debug: to('debug'),
    info: to('info'),
    warn: to('warn'),
    error: to('error'),
    fatal: to('error'),
  };
}

export async function openImap(options: ImapOptions): Promise<ImapSession> {
  const log = options.logger ?? options.log;
  const client = new ImapFlow({
    host: options.host,
    port: options.port,
    secure: options.secure,
    // Required STARTTLS unless the user allowed plaintext: imapflow then refuses before LOGIN is sent.
    doSTARTTLS: options.secure ? undefined : !options.allowInsecure,
    auth:
      options.accessToken !== undefined
        ? { user: options.user, accessToken: options.accessToken }
        : { user: options.user, pass: options.password ?? '' },
    logger: imapflowLogger(log),
    disableAutoIdle: true,
    connectionTimeout: options.connectTimeoutMs ?? 30_000,
    greetingTimeout: options.connectTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 5 * 60_000,
  });
  let closed = false;
  const closeListeners: Array<() => void> = [];
  client.on('close', () => {
    closed = true;
    for (const listener of closeListeners.splice(0)) listener();
  });
  // Without a listener an 'error' event would crash the process; the close that follows is what we act on.
  client.on('error', (error: unknown) => log?.warn({ reason: errorMessage(error) }, 'IMAP connection error'));
  // RFC 9051 says ALERT texts must reach the user ("your account is over quota").
  client.on('alert', (alert: { message?: string }) => log?.warn({ alert: alert.message }, 'the IMAP server says'));
  // Folders that got mail since we last listed them: an EXISTS that arrives outside waitForChange is not lost.
  const dirty = new Set<string>();
  client.on('exists', (event: { path: string; count: number; prevCount: number }) => {
    if (event.count > event.prevCount) dirty.add(event.path);
  });
  const connectMs = 2 * (options.connectTimeoutMs ?? 30_000);
  const operationMs = options.operationTimeoutMs ?? 3 * 60_000;
  const maxBytes = options.maxMessageBytes ?? 25 * 1024 * 1024;
  const at = `${options.host}:${options.port}`;
  try {
    await withDeadline(client.connect(), connectMs, () => {
      client.close();
      return Object.assign(new Error(`no complete login within ${connectMs / 1000} s`), { code: 'ETIMEOUT' });
    });
  } catch (error) {
    client.close();
    throw connectFailure(options, error);
  }

  const fail = (error: unknown, what: string) => sessionFailure(error, what, client.usable);
  /** Runs one operation under the deadline; past it the connection is dropped (onClose fires, the caller reconnects). */
  const timed = <T>(what: string, job: () => Promise<T>): Promise<T> =>
    withDeadline(job(), operationMs, () => {
      client.close();
      return new FollowthruError(
        'EIMAP_CONNECT',
        `the IMAP server ${at} took more than ${operationMs / 1000} s to ${what}: connection dropped`,
      );
    });
  // Some imapflow calls answer `false` instead of throwing, also when the connection died under them.
  const refused = (what: string) => fail(new Error('the server refused'), what);
  /** `fetching`: fn sets its own deadline per mail (fetchEach), the rest runs under one operation deadline. */
  const withLock = async <T>(path: string, what: string, fn: () => Promise<T>, fetching = false): Promise<T> => {
    try {
      // Read-only (EXAMINE): we never change the user's mail, a fetch cannot mark it \\Seen, and CLOSE cannot expunge.
      const lock = await timed(`open "${path}"`, () => client.getMailboxLock(path, { readOnly: true }));
      try {
        return await (fetching ? fn() : timed(`${what} in "${path}"`, fn));
      } finally {
        lock.release();
      }
    } catch (error) {
      throw fail(error, `${what} in "${path}"`);
    }
  };
  const selectedUidValidity = () => String(client.mailbox ? client.mailbox.uidValidity : '');
  // Call with the lock held. fetchAll collects into an array: nothing else is sent while the fetch streams.
  const fetchLocked = async (path: string, uids: readonly number[]): Promise<RawMessage[]> => {
    if (uids.length === 0) return [];
    const uidValidity = selectedUidValidity();
    // A partial fetch (BODY.PEEK[]<0.cap+1>): a 1 GB literal is never asked for, let alone buffered.
    const fetched = await fetchEach(uidSet(uids), { uid: true, size: true, source: { maxLength: maxBytes + 1 } });
    return fetched
      .filter((m) => m.source)
      .sort((a, b) => a.uid - b.uid)
      .map((m) => {
        const bytes = m.source as Buffer;
        const raw = { origin: `imap:${path}`, mailbox: path, uidValidity, uid: m.uid };
        const size = Math.max(m.size ?? 0, bytes.length);
        return size > maxBytes ? { ...raw, bytes: Buffer.alloc(0), tooLarge: size } : { ...raw, bytes };
      });
  };
  // Call with the lock held. A deadline per mail, not per batch: a slow line still gets a big batch through,
  // a trickling server never holds a round for longer than one deadline without a whole mail arriving.
  const fetchEach = (range: string, query: FetchQueryObject) =>
    deadline(
      async (progressed) => {
        const all: FetchMessageObject[] = [];
        for await (const message of client.fetch(range, query, { uid: true })) {
          all.push(message);
          progressed();
        }
        return all;
      },
      operationMs,
      () => {
        client.close();
        return new FollowthruError(
          'EIMAP_CONNECT',
          `the IMAP server ${at} sent no whole mail within ${operationMs / 1000} s: connection dropped`,
        );
      },
    );
  const searchLocked = async (from: FetchFrom): Promise<number[]> => {
    const { query, afterUid } = searchOf(from);
    const found = await timed('search', () => client.search(query, { uid: true }));
    if (!found) throw refused('search'); // false: refused; undefined: the folder was deselected under us
    return filterNew(found, afterUid);
  };

  const caps = client.capabilities;
  const session: ImapSession = {
    capabilities: { condstore: caps.has('CONDSTORE'), specialUse: caps.has('SPECIAL-USE'), idle: caps.has('IDLE') },
    async listFolders() {
      const list = await timed('list the folders', () => client.list()).catch((error: unknown) => {
        throw fail(error, 'list the folders');
      });
      return list.map((f) => ({
        path: f.path,
        specialUse: f.specialUseSource === 'name' ? null : (f.specialUse ?? null),
        flags: [...f.flags],
        delimiter: f.delimiter,
      }));
    },
    async status(path) {
      // STATUS on the selected folder answers from the session's stale view (Dovecot: [CLIENTBUG]), which would
      // hide a UIDVALIDITY change or new mail: leave the folder first (CLOSE on a read-only folder expunges nothing).
      if (client.mailbox && client.mailbox.path === path) {
        await timed(`leave "${path}"`, () => client.mailboxClose()).catch((error: unknown) => {
          throw fail(error, `leave "${path}"`);
        });
      }
      const query = { uidValidity: true, uidNext: true, messages: true, highestModseq: caps.has('CONDSTORE') };
      const status = await timed(`read the status of "${path}"`, () => client.status(path, query)).catch(
        (error: unknown) => {
          throw fail(error, `read the status of "${path}"`);
        },
      );
      if (!status) throw refused(`read the status of "${path}"`);
      return {
        uidValidity: String(status.uidValidity ?? ''),
        uidNext: status.uidNext ?? 0,
        messages: status.messages ?? 0,
        highestModseq: status.highestModseq === undefined ? null : String(status.highestModseq),
      };
    },
    listPending: (path, from) =>
      withLock(
        path,
        'list new mail',
        async () => {
          dirty.delete(path); // this search sees everything that arrived so far
          const uids = await searchLocked(from);
          if (uids.length === 0) return [];
          const fetched = await fetchEach(uidSet(uids), { uid: true, internalDate: true, size: true });
          return fetched
            .map((m) => ({
              uid: m.uid,
              at: m.internalDate ? new Date(m.internalDate).getTime() : 0,
              size: m.size ?? 0,
            }))
            .sort((a, b) => a.uid - b.uid);
        },
        true,
      ),
    fetchSources: (path, uids) => withLock(path, 'fetch mail', () => fetchLocked(path, uids), true),
    fromAddresses: (path, uids) =>
      withLock(
        path,
        'read senders',
        async () => {
          if (uids.length === 0) return [];
          const fetched = await client.fetchAll(uidSet(uids), { uid: true, envelope: true }, { uid: true });
          return fetched.map((m) => (m.envelope?.from?.[0]?.address ?? '').toLowerCase());
        },
        true,
      ),
    async *fetchBatches(path, from, batchSize = 250) {
      const { uids, uidValidity } = await withLock(path, 'list new mail', async () => {
        dirty.delete(path);
        return { uids: await searchLocked(from), uidValidity: selectedUidValidity() };
      });
      for (let i = 0; i < uids.length; i += batchSize) {
        // Not holding the lock across `yield`: a caller that appends or reads another folder between batches
        // would otherwise wait forever for the lock we hold.
        const batch = await withLock(
          path,
          'fetch mail',
          async () => (selectedUidValidity() === uidValidity ? fetchLocked(path, uids.slice(i, i + batchSize)) : null),
          true,
        );
        if (batch === null) {
          log?.warn(
            { folder: path, was: uidValidity },
            'UIDVALIDITY changed during a fetch: stopping; the next round rescans',
          );
          return;
        }
        if (batch.length > 0) yield batch;
      }
    },
    waitForChange,
    async watch(path) {
      await withLock(path, 'open the folder', async () => undefined);
    },
    async append(path, bytes, flags = []) {
      const result = await timed(`store a mail in "${path}"`, () => client.append(path, bytes, flags)).catch(
        (error: unknown) => {
          throw fail(error, `store a mail in "${path}"`);
        },
      );
      if (!result) throw refused(`store a mail in "${path}"`);
    },
    hasMessageId: (path, messageId) =>
      withLock(path, 'look for a mail by its Message-ID', async () => {
        const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
        if (!found) throw refused('search');
        return found.length > 0;
      }),
    onClose(listener) {
      if (closed) queueMicrotask(listener);
      else closeListeners.push(listener);
    },
    drop: () => client.close(),
    async close() {
      if (!client.usable) return client.close();
      // A polite LOGOUT, but never a wait on a server that does not answer it.
      await withDeadline(client.logout(), 3_000, () => new Error('logout timed out')).catch(() => client.close());
    },
  };

  async function waitForChange(path: string, maxIdleMs: number, signal?: AbortSignal): Promise<ChangeResult> {
    if (signal?.aborted) return 'aborted';
    if (closed) return 'closed';
    await withLock(path, 'open the folder', async () => undefined); // selects it: IDLE watches the selected folder
    if (dirty.delete(path)) return 'change';
    const result = await new Promise<ChangeResult>((resolve) => {
      const finish = (outcome: ChangeResult) => {
        clearTimeout(timer);
        client.off('exists', onExists);
        client.off('close', onClosed);
        signal?.removeEventListener('abort', onAbort);
        resolve(outcome);
      };
      const onExists = (event: { path: string }) => event.path === path && finish('change');
      const onClosed = () => finish('closed');
      const onAbort = () => finish('aborted');
      const timer = setTimeout(() => finish('timeout'), maxIdleMs);
      client.on('exists', onExists);
      client.on('close', onClosed);
      signal?.addEventListener('abort', onAbort, { once: true });
      // IDLE runs until the next command breaks it; its promise settles then, or with the connection.
      client.idle().catch(() => finish('closed'));
    });
    if (result === 'change') dirty.delete(path);
    // End IDLE now (a NOOP breaks it), so the session is idle-free when we return, whatever the caller does next.
    if (result !== 'closed' && client.usable) await timed('end IDLE', () => client.noop()).catch(() => undefined);
    return result;
  }

  return session;
}
