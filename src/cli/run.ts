// followthru run: the daemon, until SIGINT or SIGTERM. One per store (see scheduler/lock.ts). A signal stops it at
// once: every connection is dropped, and should the network still hold something open, the process exits anyway
// a few seconds later.
import { runDaemon } from '../scheduler/daemon.js';
import { acquireStoreLock } from '../scheduler/lock.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { VERBOSE_OPTION, withApp } from './with-app.js';

/** After a signal, the most the daemon may take to let go of the network and the store. */
const EXIT_GRACE_MS = 5_000;

export const runCommand: CliCommand = {
  name: 'run',
  description: 'watch Sent and INBOX, and send the digest on schedule (the daemon)',
  options: [CONFIG_OPTION, VERBOSE_OPTION],
  async run(_args, options) {
    const stop = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop.abort();
        setTimeout(() => {
          process.stderr.write(`followthru: still busy ${EXIT_GRACE_MS / 1000} s after ${signal}: exiting anyway\n`);
          process.exit(0);
        }, EXIT_GRACE_MS).unref();
      });
    }
    await withApp(options, async (app) => {
      const lock = app.config.store.path === ':memory:' ? null : acquireStoreLock(app.config.store.path);
      try {
        app.log.info({ pid: process.pid, lock: lock?.path }, 'followthru run started');
        await runDaemon(app, { signal: stop.signal });
      } finally {
        lock?.release();
      }
    });
    return 0;
  },
};
