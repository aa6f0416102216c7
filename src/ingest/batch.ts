// The ingest shell: a batch of raw mails → parsed → routed → extracted → tracked → stored, in ONE transaction
// with the folder cursor, so a crash anywhere re-processes at most the uncommitted batch and never doubles an
// item (messages are keyed by Message.id, items by (message, kind, text)).
import type { Extractor } from '../extract/index.js';
import type { Logger } from '../log.js';
import {
  type Db,
  existingMessageIds,
  type FolderCursor,
  insertItem,
  isSuppressed,
  listOpenItemsConcerning,
  lookupThreads,
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
import { canonicalAddress } from '../track/who.js';
import type { Extraction, Message, RawMessage, TrackedItem } from '../types.js';
import { inlinePreparer, type Prepared, type Preparer } from './prepare.js';

export interface IngestContext extends Omit<TrackContext, 'trackAddress'> {
  trackAddress: string | null;
  /** Confirm by mail what a reply to a digest did, and that a mail sent to the track address is tracked. */
  confirm?: boolean;
}

/** "Tracking: Contract" — what the user sees after Bcc'ing the track address, echoing how a tag was read. */
function trackingConfirmation(item: TrackedItem, message: Message): Confirmation {
  const who = item.counterparties.map((a) => a.name || a.address).join(', ');
  const when = item.due
    ? `You asked to follow up '${item.due.text}': ${item.due.date}. Until then it stays out of your digest.`
    : 'If nobody answers, it shows up in your digest after 3 business days.';
  return {
    subject: `Tracking: ${item.subject || '(no subject)'}`,
    text: `followthru is now waiting for a reply from ${who} to "${item.subject}".\n${when}\n\nTo stop: reply "drop N" to a digest that lists it, or run: followthru drop ${item.id}\n`,
    inReplyTo: message.messageId,
  };
}

/** A short mail telling the user what their reply to a digest did. Sent after the batch commits. */
export interface Confirmation {
  subject: string;
  text: string;
  /** Message-ID of the user's reply, without angle brackets. */
  inReplyTo: string | null;
}

/** Handles a reply to a digest inside the batch's transaction: how many items changed, and what to confirm. */
export type DigestReplyHandler = (
  tx: Db,
  message: Message,
  now: Date,
) => Promise<{ applied: number; confirmation: Confirmation | null }>;

export interface IngestDeps {
  store: Store;
  extractor: Extractor;
  /** Parses and extracts a batch (a worker pool, see ingest/pool.ts); by default in this thread with `extractor`. */
  prepare?: Preparer;
  log: Logger;
  onDigestReply?: DigestReplyHandler;
  /** Receives the confirmations of a batch once it has committed (never for a batch that rolled back). */
  afterCommit?: (confirmations: Confirmation[]) => void;
}

export interface BatchOutcome {
  messages: number;
  duplicates: number;
  skipped: number;
  created: number;
  updated: number;
  commands: number;
}

/** What names a mail that could not be parsed, across runs: its folder position, or its origin. */
export function rawKey(raw: RawMessage): string {
  return raw.uid !== undefined ? `${raw.mailbox}:${raw.uidValidity ?? ''}:${raw.uid}` : raw.origin;
}

async function withoutSuppressed(tx: Db, extraction: Extraction): Promise<Extraction> {
  const commitments = [];
  for (const commitment of extraction.commitments) {
    // The user said "not a promise" to this wording once: never again.
    if (!(await isSuppressed(tx, commitment.rule, commitment.text))) commitments.push(commitment);
  }
  return { ...extraction, commitments };
}

const peopleOf = (message: Message): string[] =>
  [...message.from, ...message.to, ...message.cc, ...message.bcc].map((a) => canonicalAddress(a.address));

/**
 * The open items a mail can change: those of its thread, or with one of its people as counterparty. Everything
 * tracking decides (kept, answered, nudged, out of office) needs one of the two. `live` holds only the items of
 * the batch's threads and people (listOpenItemsConcerning), so a large backfill stays linear.
 */
function concerning(items: Iterable<TrackedItem>, message: Message, threadId: string): TrackedItem[] {
  const people = new Set(peopleOf(message));
  return [...items].filter((item) => item.threadId === threadId || item.counterparties.some((a) => people.has(canonicalAddress(a.address))));
}

/** What the batch's mails already find in the store, read with a few indexed queries instead of one per mail. */
async function loadBatchState(tx: Db, mails: readonly Message[]) {
  const ids = mails.map((m) => m.id);
  const seen = await existingMessageIds(tx, ids);
  // Thread keys as stored before the batch; the batch adds its own as it goes (first writer wins, as in SQL).
  const known = await lookupThreads(tx, mails.flatMap(threadLookupKeys));
  const items = await listOpenItemsConcerning(tx, { threadIds: [...known.values(), ...ids], people: mails.flatMap(peopleOf) });
  return { seen, known, live: new Map(items.map((item) => [item.id, item])) };
}

/** The CPU half of a batch, in worker threads when deps.prepare is a pool. */
export function prepareBatch(deps: IngestDeps, ctx: IngestContext, raws: readonly RawMessage[]): Promise<Prepared[]> {
  return (deps.prepare ?? inlinePreparer(deps.extractor))({ me: ctx.me, timeZone: ctx.timeZone }, raws);
}

export async function ingestBatch(
  deps: IngestDeps,
  ctx: IngestContext,
  raws: readonly RawMessage[],
  cursors: readonly FolderCursor[] = [],
): Promise<BatchOutcome> {
  return storeBatch(deps, ctx, await prepareBatch(deps, ctx, raws), cursors);
}

/** The store half of a batch: one transaction, in the main thread, in the batch's order. */
export async function storeBatch(
  deps: IngestDeps,
  ctx: IngestContext,
  prepared: readonly Prepared[],
  cursors: readonly FolderCursor[] = [],
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { messages: 0, duplicates: 0, skipped: 0, created: 0, updated: 0, commands: 0 };
  const trackCtx: TrackContext = { ...ctx, trackAddress: ctx.trackAddress ?? undefined };
  const confirmations: Confirmation[] = [];
  await deps.store.transaction(async (tx) => {
    const { seen, known, live } = await loadBatchState(tx, prepared.flatMap((p) => ('message' in p ? [p.message] : [])));
    const remember = (keys: readonly string[], threadId: string) => {
      for (const key of keys) if (!known.has(key)) known.set(key, threadId);
    };
    for (const entry of prepared) {
      if ('error' in entry) {
        if (await recordSkip(tx, { origin: entry.raw.origin, messageKey: rawKey(entry.raw), reason: entry.error }, ctx.now))
          deps.log.warn({ origin: entry.raw.origin, uid: entry.raw.uid, reason: entry.error }, 'skipped a mail that cannot be parsed');
        outcome.skipped++;
        continue;
      }
      const { raw, message, route } = entry;
      if (seen.has(message.id)) {
        outcome.duplicates++;
        continue;
      }
      seen.add(message.id);
      outcome.messages++;
      if (route === 'own-digest' || route === 'digest-reply' || !entry.extraction) {
        const threadId = known.get(message.inReplyTo ?? '') ?? message.id;
        await saveMessage(tx, messageRow(message, { threadId, folder: raw.mailbox, direction: 'received', seenAt: ctx.now }));
        if (route === 'digest-reply' && deps.onDigestReply) {
          const handled = await deps.onDigestReply(tx, message, ctx.now);
          outcome.commands += handled.applied;
          if (handled.confirmation) confirmations.push(handled.confirmation);
        }
        continue;
      }
      const extraction = await withoutSuppressed(tx, entry.extraction);
      const threadOf = (k: string) => known.get(k);
      const relevant = concerning(live.values(), message, threadIdFor(message, threadOf));
      const result = trackMessage({ openItems: relevant, threadOf }, message, extraction, trackCtx);
      const direction = route === 'outgoing' ? 'sent' : 'received';
      await saveMessage(tx, messageRow(message, { threadId: result.threadId, folder: raw.mailbox, direction, seenAt: ctx.now }));
      const keys = [...new Set([...result.threadKeys, ...threadKeys(message)])];
      await saveThreadKeys(tx, keys, result.threadId);
      remember(keys, result.threadId);
      for (const item of result.newItems) {
        const { id, inserted } = await insertItem(tx, item, ctx.now);
        if (!inserted) continue;
        outcome.created++;
        live.set(id, { ...item, id, updatedAt: ctx.now.toISOString() });
        if (ctx.confirm && item.rule === 'track-address') confirmations.push(trackingConfirmation({ ...item, id, updatedAt: '' }, message));
      }
      for (const update of result.updates) {
        await updateItem(tx, update.id, update.item, ctx.now);
        outcome.updated++;
        deps.log.debug({ item: update.id, reason: update.reason }, 'item changed');
        if (update.item.status === 'open' || update.item.status === 'snoozed') live.set(update.id, update.item);
        else live.delete(update.id);
      }
    }
    for (const cursor of cursors) await saveCursor(tx, cursor, ctx.now);
  });
  if (confirmations.length > 0) deps.afterCommit?.(confirmations);
  return outcome;
}
