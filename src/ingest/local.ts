// Ingest local mail (a Maildir, mbox or .eml files) in the order it was written, for `demo` and `import`.
import { readLocalMail } from '../source/local.js';
import type { RawMessage } from '../types.js';
import { type BatchOutcome, type IngestContext, type IngestDeps, ingestBatch } from './batch.js';

const BATCH = 200;

/** The Date header's instant, read cheaply from the header block; mails without one sort last. */
export function headerDate(bytes: Buffer): number {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const match = /^date:[ \t]*(.+(?:\r?\n[ \t].+)*)/im.exec(end === -1 ? head : head.slice(0, end));
  const time = match?.[1]
    ? Date.parse(
        match[1]
          .replace(/\s+/g, ' ')
          .replace(/\(.*\)/, '')
          .trim(),
      )
    : Number.NaN;
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/**
 * Reads every mail under `paths`, sorts Sent and INBOX together by date (a reply must come after the mail it
 * answers for tracking to see it), and ingests them in batches. Local mail has no cursor: re-running is safe
 * because messages and items are deduplicated by id.
 */
export async function ingestLocal(
  deps: IngestDeps,
  ctx: IngestContext,
  paths: string[],
): Promise<BatchOutcome & { unreadable: number }> {
  const raws: RawMessage[] = [];
  let unreadable = 0;
  for await (const item of readLocalMail(paths)) {
    if ('error' in item) {
      unreadable++;
      deps.log.warn({ origin: item.origin, reason: item.error }, 'skipped an unreadable file');
    } else raws.push(item);
  }
  const ordered = raws
    .map((raw) => ({ raw, at: headerDate(raw.bytes) }))
    .sort((a, b) => a.at - b.at || a.raw.origin.localeCompare(b.raw.origin))
    .map((entry) => entry.raw);
  const total: BatchOutcome = { messages: 0, duplicates: 0, skipped: 0, created: 0, updated: 0, commands: 0 };
  for (let start = 0; start < ordered.length; start += BATCH) {
    const outcome = await ingestBatch(deps, ctx, ordered.slice(start, start + BATCH));
    for (const key of Object.keys(total) as (keyof BatchOutcome)[]) total[key] += outcome[key];
  }
  return { ...total, unreadable };
}
