// The daemon's digest job: single-flight, apart from the sync queue (a slow or stuck sync never holds the digest
// back; the store serialises their writes), and after a failure it arms its own retry with backoff.
import type { App } from '../app.js';
import { DAILY_DIGEST, DIGEST_BACKOFF, type DigestMaker, digestRetryDelay, sendDigest } from '../digest/deliver.js';
import { errorMessage } from '../errors.js';
import type { BackoffOptions } from '../source/backoff.js';

export interface DigestJob {
  /** Runs the digest now, or joins the run in progress. Never rejects. */
  run(): Promise<void>;
  /** Waits for a run in progress (bounded by the caller). */
  settled(): Promise<void>;
  stop(): void;
}

/** The same job sends the weekly review when given its maker (review/send.ts): its own slot, its own retries. */
export function digestJob(
  app: App,
  clock: () => Date,
  backoff: Partial<BackoffOptions> = DIGEST_BACKOFF,
  maker: DigestMaker = DAILY_DIGEST,
): DigestJob {
  let running: Promise<void> | null = null;
  let retry: NodeJS.Timeout | undefined;
  let stopped = false;

  async function once(): Promise<void> {
    clearTimeout(retry);
    let failure: unknown = null;
    try {
      const outcome = await sendDigest(app, clock(), maker);
      app.log.info({ outcome, kind: maker.kind }, `${maker.label} job`);
    } catch (error) {
      failure = error;
    }
    const delay = await digestRetryDelay(app, clock(), backoff, maker.kind).catch(() => null);
    if (failure !== null) {
      const reason = errorMessage(failure);
      if (delay === null)
        app.log.error(
          { reason },
          `${maker.label} failed and is not retried by itself (the server refused it for good): fix the cause, then restart or run \`followthru digest ${maker.kind === 'weekly' ? '--weekly ' : ''}--send\``,
        );
      else app.log.error({ reason, retryInMs: delay }, `${maker.label} failed: it is tried again after a pause`);
    }
    if (delay !== null && !stopped) retry = setTimeout(() => void run(), delay);
  }

  function run(): Promise<void> {
    running ??= once().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    run,
    settled: () => running ?? Promise.resolve(),
    stop() {
      stopped = true;
      clearTimeout(retry);
    },
  };
}
