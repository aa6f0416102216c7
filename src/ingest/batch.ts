// The ingest shell: a batch of raw mails → parsed → routed → extracted → tracked → stored, in ONE transaction
// with the folder cursor, so a crash anywhere re-processes at most the uncommitted batch and never doubles an
// item (messages are keyed by Message.id, items by (message, kind, text)).
import { blamesTheMail, errorMessage } from '../errors.js';
import type { Extractor } from '../extract/index.js';
import type { Logger } from '../log.js';
import { recordPeople } from '../people/record.js';
import {
  type Db,
  type FolderCursor,
  getOrCreateSecret,
  hasMessage,
  insertItem,
  isSuppressed,
  listOpenItemsConcerning,
  lookupThreads,
  mailboxOf,
  messageRow,
  recordSkip,
  type Store,
  saveCursor,
  saveMessage,
  saveThreadKeys,
  updateItem,
} from '../store/index.js';
import { type TrackContext, trackMessage } from '../track/apply.js';
import { threadIdFor, threadKeys, threadLookupKeys } from '../track/threads.js';
import type { Confirmation, Extraction, Message, RawMessage, TrackedItem } from '../types.js';
import type { ExtractionPool } from '../extract/pool.js';
import { batchScope, LiveItems } from './live-items.js';
import { withBelievableDate } from './mail-date.js';
import { addOutcome, type BatchOutcome, noOutcome } from './outcome.js';
import { type Parsed, parseAll, rawKey } from './parse-all.js';
import { handlingOf, type RouteContext, routingFor, storedThreadOf } from './route.js';
import { trackingConfirmation } from './tracking-confirmation.js';

export type { BatchOutcome } from './outcome.js';

export interface IngestContext extends Omit<TrackContext, 'trackAddress'> {
  trackAddress: string | null;
  /** Confirm by mail what a reply to a digest did, and that a mail sent to the track address is tracked. */
  confirm?: boolean;
  /** The IMAP folder the user's sent mail is read from: mail "from" the user anywhere else is not theirs to
   * trust. Unset for local files, where the From decides. */
  sentFolder?: string | null;
}

/** Handles a reply to a digest inside the batch's transaction: how many items changed, and what to confirm. */
export type DigestReplyHandler = (
  tx: Db,
  message: Message,
  now: Date,
) => Promise<{ applied: number; confirmation: Confirmation | null; drafts?: number[] }>;

export interface IngestDeps {
  store: Store;
  extractor: Extractor;
  log: Logger;
  onDigestReply?: DigestReplyHandler;
  /** Receives the confirmations of a batch once it has committed (never for a batch that rolled back), and the
   * items a reply asked a follow-up draft for ("draft 2"). */
  afterCommit?: (confirmations: Confirmation[], drafts: number[]) => void;
  /** Stores the confirmations of a batch inside its transaction (an outbox that survives a crash after the commit). */
  inCommit?: (tx: Db, confirmations: Confirmation[], now: Date) => Promise<void>;
  /** Extracts a batch's mails on every core ahead of tracking (the same results as `extractor`, in order). */
  pool?: ExtractionPool;
}

async function extractFrom(
  tx: Db,
  deps: IngestDeps,
  message: Message,
  ahead: Extraction | undefined,
): Promise<Extraction> {
  const extraction = ahead ?? deps.extractor.extract(message);
  const commitments = [];
  for (const commitment of extraction.commitments) {
    // The user said "not a promise" to this wording once: never again.
    if (!(await isSuppressed(tx, commitment.rule, commitment.text))) commitments.push(commitment);
  }
  return { ...extraction, commitments };
}

/** What one mail did, kept apart until its savepoint is released: a poison mail leaves no trace but its skip. */
interface MailEffect {
  outcome: BatchOutcome;
  confirmations: Confirmation[];
  /** Items to draft a follow-up for, once committed. */
  drafts: number[];
  /** The batch's open and snoozed items: this mail's changes to them are undone if it fails. */
  live: LiveItems;
  /** This mail's extraction, when the pool did it ahead of the loop. */
  ahead?: Extraction | undefined;
}

type Routing = Omit<RouteContext, 'mailbox'>;

async function ingestMessage(
  tx: Db,
  deps: IngestDeps,
  ctx: IngestContext,
  routing: Routing,
  raw: RawMessage,
  message: Message,
  effect: MailEffect,
): Promise<void> {
  const { outcome, confirmations, drafts, live } = effect;
  if (await hasMessage(tx, message.id)) {
    outcome.duplicates++;
    return;
  }
  outcome.messages++;
  const handling = handlingOf(message, { ...routing, mailbox: raw.mailbox }, ctx.timeZone, ctx.now);
  if (handling.kind === 'ignore') {
    deps.log.debug({ message: message.id, folder: raw.mailbox }, 'mail from your address outside Sent: not read');
    return;
  }
  const known = await lookupThreads(tx, threadLookupKeys(message));
  if (handling.kind === 'store') {
    const threadId = storedThreadOf(message, known);
    await saveMessage(
      tx,
      messageRow(message, { threadId, folder: raw.mailbox, direction: 'received', seenAt: ctx.now }),
    );
    if (handling.obey && deps.onDigestReply) {
      const handled = await deps.onDigestReply(tx, message, ctx.now);
      outcome.commands += handled.applied;
      if (handled.confirmation) confirmations.push(handled.confirmation);
      drafts.push(...(handled.drafts ?? []));
    }
    return;
  }
  const trackCtx: TrackContext = { ...ctx, trackAddress: ctx.trackAddress ?? undefined };
  const extraction = await extractFrom(tx, deps, handling.input, effect.ahead);
  // The open items a mail can change: those of its thread, or with one of its people as counterparty. Everything
  // tracking decides (kept, answered, nudged, out of office) needs one of the two; indexed lookups keep a large
  // backfill linear instead of checking every open item against every mail.
  const relevant = live.concerning(
    message,
    threadIdFor(message, (k) => known.get(k)),
  );
  const result = trackMessage({ openItems: relevant, threadOf: (k) => known.get(k) }, message, extraction, trackCtx);
  const { direction } = handling;
  await saveMessage(
    tx,
    messageRow(message, { threadId: result.threadId, folder: raw.mailbox, direction, seenAt: ctx.now }),
  );
  await saveThreadKeys(tx, [...result.threadKeys, ...threadKeys(message)], result.threadId);
  for (const item of result.newItems) {
    const { id, inserted } = await insertItem(tx, item, ctx.now);
    if (!inserted) continue;
    outcome.created++;
    const account = mailboxOf(tx);
    live.set(id, { ...item, id, account, updatedAt: ctx.now.toISOString() });
    const confirmation = ctx.confirm ? trackingConfirmation({ ...item, id, account, updatedAt: '' }, message) : null;
    if (confirmation) confirmations.push(confirmation);
  }
  for (const update of result.updates) {
    await updateItem(tx, update.id, update.item, ctx.now);
    outcome.updated++;
    deps.log.debug({ item: update.id, reason: update.reason }, 'item changed');
    live.settle(update.id, update.item);
  }
  // A Keep in touch item this mail resolved leaves the live items too, so a later mail of the batch cannot write it back open.
  const resolved = await recordPeople(tx, message, { direction, threadId: result.threadId, me: ctx.me, now: ctx.now });
  for (const id of resolved) live.delete(id);
}

async function skip(
  tx: Db,
  deps: IngestDeps,
  raw: RawMessage,
  messageKey: string,
  reason: string,
  now: Date,
  what: string,
): Promise<void> {
  if (await recordSkip(tx, { origin: raw.origin, messageKey, reason }, now))
    deps.log.warn({ origin: raw.origin, uid: raw.uid, reason }, `skipped a mail that ${what}`);
}

/** The open items any mail of the batch can change: of the threads its keys point at, or with its people. */
async function openItemsOfBatch(tx: Db, parsed: readonly Parsed[]): Promise<TrackedItem[]> {
  const mails = parsed.flatMap((p) => ('message' in p ? [p.message] : []));
  const known = await lookupThreads(tx, mails.flatMap(threadLookupKeys));
  return listOpenItemsConcerning(tx, batchScope(mails, known));
}

/** The batch's extractions, done ahead by the pool for each mail the loop will extract (same inputs, same order). */
async function extractAhead(
  tx: Db,
  deps: IngestDeps,
  ctx: IngestContext,
  routing: Routing,
  parsed: readonly Parsed[],
): Promise<Map<Parsed, Extraction>> {
  const ahead = new Map<Parsed, Extraction>();
  if (!deps.pool) return ahead;
  const entries: Parsed[] = [];
  const inputs: Message[] = [];
  for (const entry of parsed) {
    if (!('message' in entry)) continue;
    const message = withBelievableDate(entry.message, ctx.now);
    if (await hasMessage(tx, message.id)) continue;
    const handling = handlingOf(message, { ...routing, mailbox: entry.raw.mailbox }, ctx.timeZone, ctx.now);
    if (handling.kind !== 'track') continue;
    entries.push(entry);
    inputs.push(handling.input);
  }
  const results = await deps.pool.extractAll(inputs);
  entries.forEach((entry, i) => {
    const result = results[i];
    if (result) ahead.set(entry, result);
  });
  return ahead;
}

export async function ingestBatch(
  deps: IngestDeps,
  ctx: IngestContext,
  raws: readonly RawMessage[],
  cursors: readonly FolderCursor[] = [],
): Promise<BatchOutcome> {
  const parsed = await parseAll(raws);
  const outcome = noOutcome();
  const confirmations: Confirmation[] = [];
  const drafts: number[] = [];
  await deps.store.transaction(async (tx) => {
    const secret = await getOrCreateSecret(tx);
    const routing = routingFor(ctx.me, ctx.sentFolder ?? null, secret);
    // Only the open items of the batch's threads and people, found through indexes: never every open item.
    const live = new LiveItems(await openItemsOfBatch(tx, parsed));
    const ahead = await extractAhead(tx, deps, ctx, routing, parsed);
    for (const entry of parsed) {
      if ('error' in entry) {
        await skip(tx, deps, entry.raw, rawKey(entry.raw), entry.error, ctx.now, 'cannot be parsed');
        outcome.skipped++;
        continue;
      }
      // Each mail in its own savepoint: one that fails is rolled back alone and passed over, never the batch.
      const effect: MailEffect = { outcome: noOutcome(), confirmations: [], drafts: [], live, ahead: ahead.get(entry) };
      try {
        const message = withBelievableDate(entry.message, ctx.now);
        await live.within(() =>
          tx.transaction((sp) => ingestMessage(sp, deps, ctx, routing, entry.raw, message, effect)),
        );
      } catch (error) {
        if (!blamesTheMail(error)) throw error;
        await skip(tx, deps, entry.raw, entry.message.id, errorMessage(error), ctx.now, 'cannot be ingested');
        outcome.skipped++;
        continue;
      }
      addOutcome(outcome, effect.outcome);
      confirmations.push(...effect.confirmations);
      drafts.push(...effect.drafts);
    }
    for (const cursor of cursors) await saveCursor(tx, cursor, ctx.now);
    if (confirmations.length > 0) await deps.inCommit?.(tx, confirmations, ctx.now);
  });
  if (confirmations.length > 0 || drafts.length > 0) deps.afterCommit?.(confirmations, drafts);
  return outcome;
}
