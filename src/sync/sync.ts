// One sync round over IMAP: plan each folder, list what is new (UID + date), merge Sent and INBOX by date, then
// fetch and ingest in batches; each batch commits with its folders' cursors. Memory holds one batch of mail.
import type { App } from '../app.js';
import { type BatchOutcome, ingestBatch } from '../ingest/batch.js';
import { findSentFolder } from '../source/folders.js';
import { type FolderPlan, planFolder } from '../source/cursor.js';
import type { MailSource } from '../source/port.js';
import { type FolderCursor, getCursor, saveCursor, setLastSyncAt } from '../store/index.js';
import type { RawMessage } from '../types.js';
import { chunkByBytes, cursorsAfter, mergeByDate, type Pending } from './plan.js';

export const BATCH_SIZE = 100;
/** Raw bytes per batch (RFC822.SIZE as listed): memory follows the size of the mail in flight, not its count. */
export const BATCH_BYTES = 4 * 2 ** 20;
const DAY_MS = 86_400_000;

export interface SyncReport {
  folders: { folder: string; plan: FolderPlan['kind']; pending: number }[];
  outcome: BatchOutcome;
}

export type Progress = (done: number, total: number) => void;

async function planAll(app: App, session: MailSource, now: Date) {
  const sent = findSentFolder(await session.listFolders(), app.config.imap.sentFolder);
  const folders = [...new Set([sent, app.config.imap.inboxFolder])];
  const since = new Date(now.getTime() - app.config.backfillDays * DAY_MS);
  const plans: { folder: string; plan: FolderPlan; uidNext: number; pending: Pending[] }[] = [];
  for (const folder of folders) {
    const status = await session.status(folder);
    const stored = await getCursor(app.store, folder);
    const plan = planFolder(folder, stored, status, since);
    let pending: Pending[] = [];
    if (plan.kind === 'parked') {
      if (!stored?.parked) {
        await saveCursor(app.store, plan.cursor, now);
        app.log.error(
          { folder, resets: plan.cursor.resets },
          'the folder keeps changing its UIDVALIDITY: parked, no more rescans — check the server, then run `followthru sync --unpark`',
        );
      }
    } else if (plan.kind !== 'up-to-date') {
      if (plan.kind === 'reset')
        app.log.warn(
          { folder, was: stored?.uidValidity, now: status.uidValidity },
          'UIDVALIDITY changed: rescanning the folder (nothing will be counted twice)',
        );
      const from = plan.kind === 'incremental' ? { afterUid: plan.afterUid } : { since: plan.since };
      pending = (await session.listPending(folder, from)).map((p) => ({ folder, ...p }));
    }
    plans.push({ folder, plan, uidNext: status.uidNext, pending });
  }
  return { plans, sent };
}

export async function syncOnce(app: App, session: MailSource, now: Date, progress?: Progress): Promise<SyncReport> {
  const { plans, sent } = await planAll(app, session, now);
  const cursors = new Map<string, FolderCursor>();
  for (const p of plans) if (p.plan.kind !== 'parked') cursors.set(p.folder, p.plan.cursor);
  const queue = mergeByDate(plans.map((p) => p.pending));
  const outcome: BatchOutcome = { messages: 0, duplicates: 0, skipped: 0, created: 0, updated: 0, commands: 0 };
  let done = 0;
  progress?.(0, queue.length);
  for (const batch of chunkByBytes(queue, BATCH_BYTES, BATCH_SIZE)) {
    const byFolder = new Map<string, RawMessage[]>();
    for (const folder of new Set(batch.map((p) => p.folder))) {
      const uids = batch.filter((p) => p.folder === folder).map((p) => p.uid);
      byFolder.set(folder, await session.fetchSources(folder, uids));
    }
    const find = (p: Pending) => byFolder.get(p.folder)?.find((raw) => raw.uid === p.uid);
    const raws = batch.map(find).filter((raw): raw is RawMessage => raw !== undefined);
    const advanced = cursorsAfter(batch, cursors);
    const result = await ingestBatch(app.deps, { ...app.context(now), sentFolder: sent }, raws, advanced);
    for (const cursor of advanced) cursors.set(cursor.folder, cursor);
    for (const key of Object.keys(outcome) as (keyof BatchOutcome)[]) outcome[key] += result[key];
    done += batch.length;
    progress?.(done, queue.length);
  }
  // Everything below UIDNEXT at planning time was either ingested or outside the backfill window.
  await app.store.transaction(async (tx) => {
    for (const p of plans) {
      const cursor = cursors.get(p.folder);
      if (cursor) await saveCursor(tx, { ...cursor, lastUid: Math.max(cursor.lastUid, p.uidNext - 1) }, now);
    }
    await setLastSyncAt(tx, now);
  });
  return { folders: plans.map((p) => ({ folder: p.folder, plan: p.plan.kind, pending: p.pending.length })), outcome };
}
