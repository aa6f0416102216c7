// followthru sync: one round over IMAP (backfill on the first run), then exit.
import { syncOnce } from '../sync/sync.js';
import { CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { openUserImap } from '../app.js';
import { progressReporter } from './progress.js';
import { VERBOSE_OPTION, withApp } from './with-app.js';

export const syncCommand: CliCommand = {
  name: 'sync',
  description: 'read new mail in Sent and INBOX once, then exit',
  options: [CONFIG_OPTION, NOW_OPTION, VERBOSE_OPTION],
  async run(_args, options) {
    const now = nowFrom(options);
    const report = await withApp(options, async (app) => {
      const session = await openUserImap(app);
      const progress = progressReporter(app.log, 'sync');
      try {
        return await syncOnce(app, session, now, progress.update);
      } finally {
        progress.stop();
        await session.close();
      }
    });
    const o = report.outcome;
    const folders = report.folders.map((f) => `${f.folder}: ${f.pending} new (${f.plan})`).join(', ');
    process.stdout.write(`${folders}\n${o.messages} mails read, ${o.created} items found, ${o.updated} updated, ${o.skipped} skipped, ${o.duplicates} already known\n`);
    return 0;
  },
};
