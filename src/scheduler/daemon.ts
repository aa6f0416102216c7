// followthru run: sync on start, then IDLE on INBOX (and poll Sent) with reconnects and backoff; the digest
// on its cron schedule, and once at start when today's slot passed while the daemon was down. Sync and digest
// never overlap (one queue).
import { type App, openUserImap } from '../app.js';
import { sendDigest } from '../digest/deliver.js';
import { errorMessage } from '../errors.js';
import { backoffDelay, classifyFailure } from '../source/backoff.js';
import { listItems, updateItem } from '../store/index.js';
import { syncOnce } from '../sync/sync.js';
import { wakeExpired } from '../track/apply.js';
import { cronFields, scheduleCron } from './cron.js';
import { slotEarlierToday } from './slot.js';

export interface DaemonOptions {
  signal: AbortSignal;
  /** Longest IDLE before a full sync round (Sent has no IDLE of its own on most servers). */
  pollMs?: number;
  clock?: () => Date;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });

/** Runs jobs one at a time, in order. */
function queue() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(job: () => Promise<T>): Promise<T> => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

async function wakeSnoozed(app: App, now: Date): Promise<void> {
  const updates = wakeExpired(await listItems(app.store, { status: ['snoozed'] }), now);
  for (const update of updates) await updateItem(app.store, update.id, update.item, now);
}

export async function runDaemon(app: App, options: DaemonOptions): Promise<void> {
  const { signal } = options;
  const clock = options.clock ?? (() => new Date());
  const serial = queue();
  const digestJob = () =>
    serial(() => sendDigest(app, clock()))
      .then((outcome) => app.log.info({ outcome }, 'digest job'))
      .catch((error: unknown) => app.log.error({ reason: errorMessage(error) }, 'digest failed: it will be retried at the next slot'));
  const cron = scheduleCron(app.config.digest.cron, app.config.digest.timezone, digestJob);
  signal.addEventListener('abort', () => cron.stop(), { once: true });
  if (slotEarlierToday(cronFields(app.config.digest.cron), clock(), app.config.digest.timezone)) void digestJob();

  let attempt = 0;
  while (!signal.aborted) {
    try {
      const session = await openUserImap(app);
      signal.addEventListener('abort', () => void session.close(), { once: true });
      attempt = 0;
      app.log.info({ host: app.config.imap.host }, 'connected');
      for (;;) {
        const report = await serial(() => syncOnce(app, session, clock()));
        if (report.outcome.messages > 0) app.log.info({ ...report.outcome }, 'synced');
        await serial(() => wakeSnoozed(app, clock()));
        if (signal.aborted) break;
        const change = await session.waitForChange(app.config.imap.inboxFolder, options.pollMs ?? 120_000);
        if (change === 'closed') throw new Error('the IMAP connection closed');
      }
      await session.close().catch(() => undefined);
    } catch (error) {
      if (signal.aborted) break;
      const delay = backoffDelay(++attempt, classifyFailure(error));
      app.log.warn({ reason: errorMessage(error), attempt, retryInMs: delay }, 'sync interrupted: reconnecting after a pause');
      await sleep(delay, signal);
    }
  }
  cron.stop();
}
