// followthru run: sync on start, then IDLE on INBOX (and poll Sent) with reconnects and backoff; the digest
// and the weekly review on their cron schedules, and once at start when today's slot passed while the daemon was down. The digest runs
// apart from the sync queue (see digest-job.ts): a slow server never holds it back. On abort every connection is
// dropped at once, so the daemon ends whatever the network does.
import { type App, accountApp, openUserImap } from '../app.js';
import { sendOutbox } from '../digest/deliver.js';
import { errorMessage, FollowthruError } from '../errors.js';
import { type BackoffOptions, backoffDelay, classifyImapError } from '../source/backoff.js';
import { findSentFolder } from '../source/folders.js';
import type { MailSource } from '../source/port.js';
import { listItems, updateItem } from '../store/index.js';
import { syncOnce } from '../sync/sync.js';
import { wakeExpired } from '../track/apply.js';
import { cronFields, scheduleCron } from './cron.js';
import { type DigestJob, digestJob } from './digest-job.js';
import { WEEKLY_REVIEW } from '../review/send.js';
import { slotEarlierToday } from './slot.js';

export interface DaemonOptions {
  signal: AbortSignal;
  /** Longest IDLE before a full sync round (Sent has no IDLE of its own on most servers). */
  pollMs?: number;
  clock?: () => Date;
  /** How often to look for a new `followthru login` while the sign-in is expired. */
  signInPollMs?: number;
  /** Reconnect delays (tests shorten them). */
  backoff?: Partial<BackoffOptions>;
  /** Delays between the tries of a failed digest (default DIGEST_BACKOFF; tests shorten them). */
  digestBackoff?: Partial<BackoffOptions>;
}

// The abort listener goes when the timer fires: the sign-in wait sleeps often, and must not pile them up.
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
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
  const zone = app.config.digest.timezone;
  // The digest, and beside it the weekly review on its own cron: each once per day of its kind (the store says
  // whether today's went out), each run once at start when today's slot passed while the daemon was down.
  const jobs: { job: DigestJob; cron: ReturnType<typeof scheduleCron> }[] = [];
  const schedule = (expression: string, job: DigestJob, name: string) => {
    jobs.push({ job, cron: scheduleCron(expression, zone, job.run, name) });
    if (slotEarlierToday(cronFields(expression), clock(), zone)) void job.run();
  };
  const stopJobs = () => {
    for (const { job, cron } of jobs) {
      cron.stop();
      job.stop();
    }
  };
  signal.addEventListener('abort', stopJobs, { once: true });
  schedule(app.config.digest.cron, digestJob(app, clock, options.digestBackoff), 'followthru-digest');
  if (app.config.weeklyReview.enabled)
    schedule(
      app.config.weeklyReview.cron,
      digestJob(app, clock, options.digestBackoff, WEEKLY_REVIEW),
      'followthru-weekly-review',
    );

  // One worker per account, each with its own connections, backoff and IDLE: one account's outage, refused
  // login or poison mail is that worker's problem alone. Confirmations leave through the delivering account.
  const several = app.config.accounts.length > 1;
  const outbox = queue();
  const workers = app.config.accounts.map((account) => {
    const worker = accountApp(app, account.id, several);
    return runAccount(worker, () => outbox(() => sendOutbox(app, clock())), clock, options);
  });
  await Promise.all(workers);
  stopJobs();
  // A digest mid-send gets a moment to finish; one that does not is checked or resent on the next start.
  await Promise.race([Promise.all(jobs.map(({ job }) => job.settled())), sleep(2_000, new AbortController().signal)]);
}

/** One account's loop: connect, sync, IDLE, again; on any failure, back off and reconnect. */
async function runAccount(
  app: App,
  sendConfirmations: () => Promise<unknown>,
  clock: () => Date,
  options: DaemonOptions,
): Promise<void> {
  const { signal } = options;
  const serial = queue();
  let attempt = 0;
  let signInReported = false;
  while (!signal.aborted) {
    // A new ImapFlow instance per connection: a closed one is never reused.
    const sessions: MailSource[] = [];
    // Abort drops every connection of this round: a command stuck on a slow server fails now instead of at its deadline.
    const dropAll = () => sessions.forEach((session) => session.drop());
    signal.addEventListener('abort', dropAll, { once: true });
    try {
      const main = await openUserImap(app);
      sessions.push(main);
      // Two more connections only watch: one IDLEs on INBOX, one on Sent. Each keeps its folder open for good,
      // so a mail that lands while a sync runs is still announced (selecting a folder again would swallow it).
      const inbox = await openUserImap(app);
      sessions.push(inbox);
      const sentWatch = await openUserImap(app);
      sessions.push(sentWatch);
      const sent = findSentFolder(await main.listFolders(), app.config.imap.sentFolder);
      // Opened BEFORE the first sync: a mail saved between that sync's listing and the first IDLE is not missed.
      await inbox.watch(app.config.imap.inboxFolder);
      await sentWatch.watch(sent);
      attempt = 0;
      signInReported = false;
      app.log.info({ host: app.config.imap.host, sent }, 'connected');
      for (;;) {
        const report = await serial(() => syncOnce(app, main, clock()));
        if (report.outcome.messages > 0) app.log.info({ ...report.outcome }, 'synced');
        await sendConfirmations();
        await serial(() => wakeSnoozed(app, clock()));
        if (signal.aborted) break;
        const round = new AbortController();
        const stop = () => round.abort();
        signal.addEventListener('abort', stop, { once: true });
        const poll = options.pollMs ?? 120_000;
        const change = await Promise.race([
          inbox.waitForChange(app.config.imap.inboxFolder, poll, round.signal),
          sentWatch.waitForChange(sent, poll, round.signal),
        ]);
        round.abort();
        signal.removeEventListener('abort', stop);
        if (change === 'closed') throw new Error('the IMAP connection closed');
        if (signal.aborted) break;
      }
    } catch (error) {
      if (signal.aborted) break;
      // Only `followthru login` fixes a dead sign-in: say so once, keep everything, and look at the token file
      // again now and then (no network: its expired mark short-circuits), so a new login is picked up unrestarted.
      if (error instanceof FollowthruError && error.code === 'ESIGNIN') {
        if (!signInReported) app.log.error(errorMessage(error));
        signInReported = true;
        await sleep(options.signInPollMs ?? 10_000, signal);
        continue;
      }
      const kind = classifyImapError(error);
      const delay = backoffDelay(++attempt, kind, options.backoff);
      app.log.warn(
        { reason: errorMessage(error), kind, attempt, retryInMs: delay },
        'sync interrupted: reconnecting after a pause',
      );
      await sleep(delay, signal);
    } finally {
      signal.removeEventListener('abort', dropAll);
      if (signal.aborted) dropAll();
      else await Promise.all(sessions.map((session) => session.close().catch(() => undefined)));
    }
  }
}
