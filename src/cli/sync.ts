// followthru sync: one round over IMAP (backfill on the first run), then exit.
import type { StoreApp } from '../app.js';
import type { ImapSession } from '../source/imap.js';
import { CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
import { LOG_FORMAT_OPTION, VERBOSE_OPTION, withApp } from './with-app.js';

/** Who sends the mail in Sent, against `me`: a warning line, or null. */
async function identityCheck(app: StoreApp, session: ImapSession): Promise<string | null> {
  const [{ findSentFolder }, { sentSenders }, { missingIdentities, identityWarning }] = await Promise.all([
    import('../source/folders.js'),
    import('../source/sent-senders.js'),
    import('../track/identity.js'),
  ]);
  const sent = findSentFolder(await session.listFolders(), app.config.imap.sentFolder);
  const froms = await sentSenders(session, sent);
  return identityWarning(missingIdentities(froms, app.config.me), froms.length);
}

export const syncCommand: CliCommand = {
  name: 'sync',
  description: 'read new mail in Sent and INBOX once, then exit',
  options: [
    CONFIG_OPTION,
    NOW_OPTION,
    VERBOSE_OPTION,
    LOG_FORMAT_OPTION,
    { flags: '--from <path>', description: 'import a Maildir, an mbox file or a folder of .eml files instead of IMAP' },
  ],
  async run(_args, options) {
    const [{ sendOutbox }, { ingestLocal }, { syncOnce }, { openUserImap }, { progressReporter }, { getLastSyncAt }] = await Promise.all([
      import('../digest/deliver.js'),
      import('../ingest/local.js'),
      import('../sync/sync.js'),
      import('../app.js'),
      import('./progress.js'),
      import('../store/index.js'),
    ]);
    const now = nowFrom(options);
    const started = performance.now();
    const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
    if (typeof options.from === 'string') {
      const from = options.from;
      const o = await withApp(options, (app) => ingestLocal(app.deps, app.context(now), [from]));
      process.stdout.write(`${from}: ${o.messages} mails read, ${o.created} items found, ${o.updated} updated, ${o.skipped + o.unreadable} skipped, ${o.duplicates} already known, in ${seconds()}s\n`);
      return 0;
    }
    const report = await withApp(options, async (app) => {
      const session = await openUserImap(app);
      const progress = progressReporter(app.log, 'sync');
      try {
        // The first sync is where a `me` missing the user's real address would invert everything: say so now.
        if ((await getLastSyncAt(app.store)) === null) {
          const warning = await identityCheck(app, session);
          if (warning) process.stderr.write(`followthru: warning: ${warning}\n`);
        }
        const report = await syncOnce(app, session, now, progress.update);
        await sendOutbox(app, now);
        return report;
      } finally {
        progress.stop();
        await session.close();
      }
    });
    const o = report.outcome;
    const folders = report.folders.map((f) => `${f.folder}: ${f.pending} new (${f.plan})`).join(', ');
    process.stdout.write(`${folders}\n${o.messages} mails read, ${o.created} items found, ${o.updated} updated, ${o.skipped} skipped, ${o.duplicates} already known, in ${seconds()}s\n`);
    return 0;
  },
};
