// followthru sync: one round over IMAP (backfill on the first run), then exit.
import type { StoreApp } from '../app.js';
import type { ImapSession } from '../source/imap.js';
import type { SyncReport } from '../sync/sync.js';
import { ACCOUNT_OPTION, CONFIG_OPTION, type CliCommand, NOW_OPTION, nowFrom } from './command.js';
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
    { ...ACCOUNT_OPTION, description: 'only this account (default: every account; with --from: the first)' },
    LOG_FORMAT_OPTION,
    { flags: '--from <path>', description: 'import a Maildir, an mbox file or a folder of .eml files instead of IMAP' },
  ],
  async run(_args, options) {
    const [
      { sendOutbox },
      { ingestLocal },
      { syncOnce },
      { accountApp, openUserImap },
      { progressReporter },
      { getLastSyncAt },
    ] = await Promise.all([
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
      const o = await withApp(options, (app) => {
        const account = accountApp(app, typeof options.account === 'string' ? options.account : app.config.id);
        return ingestLocal(account.deps, account.context(now), [from]);
      });
      process.stdout.write(
        `${from}: ${o.messages} mails read, ${o.created} items found, ${o.updated} updated, ${o.skipped + o.unreadable} skipped, ${o.duplicates} already known, in ${seconds()}s\n`,
      );
      return 0;
    }
    const report = await withApp(options, async (app) => {
      const ids = typeof options.account === 'string' ? [options.account] : app.config.accounts.map((a) => a.id);
      const several = app.config.accounts.length > 1;
      const total: SyncReport = {
        folders: [],
        outcome: { messages: 0, duplicates: 0, skipped: 0, created: 0, updated: 0, commands: 0 },
      };
      for (const id of ids) {
        const account = accountApp(app, id);
        const session = await openUserImap(account);
        const progress = progressReporter(account.log, 'sync');
        try {
          // The first sync is where a `me` missing the user's real address would invert everything: say so now.
          if ((await getLastSyncAt(account.store)) === null) {
            const warning = await identityCheck(account, session);
            if (warning) process.stderr.write(`followthru: warning: ${several ? `[${id}] ` : ''}${warning}\n`);
          }
          const one = await syncOnce(account, session, now, progress.update);
          total.folders.push(...one.folders.map((f) => ({ ...f, folder: several ? `[${id}] ${f.folder}` : f.folder })));
          for (const key of Object.keys(total.outcome) as (keyof SyncReport['outcome'])[])
            total.outcome[key] += one.outcome[key];
        } finally {
          progress.stop();
          await session.close();
        }
      }
      await sendOutbox(app, now);
      return total;
    });
    const o = report.outcome;
    const folders = report.folders.map((f) => `${f.folder}: ${f.pending} new (${f.plan})`).join(', ');
    process.stdout.write(
      `${folders}\n${o.messages} mails read, ${o.created} items found, ${o.updated} updated, ${o.skipped} skipped, ${o.duplicates} already known, in ${seconds()}s\n`,
    );
    return 0;
  },
};
