// followthru run: the daemon, until SIGINT or SIGTERM.
import { CONFIG_OPTION, type CliCommand } from './command.js';
import { VERBOSE_OPTION, withApp } from './with-app.js';

export const runCommand: CliCommand = {
  name: 'run',
  description: 'watch Sent and INBOX, and send the digest on schedule (the daemon)',
  options: [CONFIG_OPTION, VERBOSE_OPTION],
  async run(_args, options) {
    const stop = new AbortController();
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort());
    const { runDaemon } = await import('../scheduler/daemon.js');
    await withApp(options, (app) => runDaemon(app, { signal: stop.signal }));
    return 0;
  },
};
