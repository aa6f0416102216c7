// followthru run: the daemon, until SIGINT or SIGTERM. One per store (see scheduler/lock.ts). It says what it
// watches and when the next digest is due when it starts, and that it stopped (and why) when it ends. A signal
// stops it at once; should the network still hold something open, the process exits anyway a few seconds later.
// Exit 0 when systemd stops it (SIGTERM), 130 on Ctrl-C.
import type { App } from '../app.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { EXIT } from './exit-codes.js';
import { LOG_FORMAT_OPTION, VERBOSE_OPTION, withApp } from './with-app.js';

/** The start line's words: what is watched, where the digest goes, when the next one is due. Pure. */
export function startLine(
  app: Pick<App, 'config'>,
  next: Date | null,
  nextReview: Date | null = null,
): { fields: Record<string, unknown>; message: string } {
  const { imap, digest, store } = app.config;
  const sent = imap.sentFolder ? `"${imap.sentFolder}"` : 'Sent (found on connect)';
  const when = next
    ? `${next.toLocaleString('en-GB', { timeZone: digest.timezone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })} ${digest.timezone}`
    : 'never (digest.cron never fires)';
  return {
    fields: {
      user: imap.user,
      host: imap.host,
      inbox: imap.inboxFolder,
      sent: imap.sentFolder,
      store: store.path,
      nextDigest: next?.toISOString() ?? null,
      // In the JSON only: the human line stays one sentence about the digest.
      nextWeeklyReview: nextReview?.toISOString() ?? null,
    },
    message: `followthru run started: watching "${imap.inboxFolder}" and ${sent} of ${imap.user} at ${imap.host}; next digest ${when}, by ${digest.deliver} to ${digest.to}`,
  };
}

const EXIT_GRACE_MS = 5_000;

export const runCommand: CliCommand = {
  name: 'run',
  description: 'watch Sent and INBOX, and send the digest on schedule (the daemon)',
  options: [CONFIG_OPTION, VERBOSE_OPTION, LOG_FORMAT_OPTION],
  async run(_args, options) {
    const stop = new AbortController();
    let stoppedBy: NodeJS.Signals | null = null;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stoppedBy = signal;
        stop.abort();
        setTimeout(() => {
          process.stderr.write(`followthru: still busy ${EXIT_GRACE_MS / 1000} s after ${signal}: exiting anyway\n`);
          process.exit(signal === 'SIGINT' ? EXIT.interrupted : EXIT.ok);
        }, EXIT_GRACE_MS).unref();
      });
    }
    const [{ runDaemon }, { acquireStoreLock }, { cronFields }, { nextSlot }] = await Promise.all([
      import('../scheduler/daemon.js'),
      import('../scheduler/lock.js'),
      import('../scheduler/cron.js'),
      import('../scheduler/slot.js'),
    ]);
    await withApp(options, async (app) => {
      const next = nextSlot(cronFields(app.config.digest.cron), new Date(), app.config.digest.timezone);
      const lock = app.config.store.path === ':memory:' ? null : acquireStoreLock(app.config.store.path);
      const review = app.config.weeklyReview;
      const nextReview = review.enabled
        ? nextSlot(cronFields(review.cron), new Date(), app.config.digest.timezone)
        : null;
      const start = startLine(app, next, nextReview);
      app.log.info({ ...start.fields, pid: process.pid, lock: lock?.path }, start.message);
      try {
        await runDaemon(app, { signal: stop.signal });
      } finally {
        lock?.release();
        app.log.info({ signal: stoppedBy }, stoppedBy ? `stopped (${stoppedBy})` : 'stopped');
      }
    });
    return stoppedBy === 'SIGINT' ? EXIT.interrupted : EXIT.ok;
  },
};
