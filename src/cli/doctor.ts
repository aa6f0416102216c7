// followthru doctor: checks the config, the store, the OAuth2 sign-ins, the IMAP login and folders, who sends
// from Sent (each account's), digest delivery, the time zone and the schedule. It always prints the whole checklist, each problem
// with its fix. Exit code: 0 all good, 1 a problem found, 2 the config itself is unusable.
import { EXIT } from './exit-codes.js';
import { signInState, signInsOf } from '../auth/status.js';
import type { Config } from '../config.js';
import { errorMessage } from '../errors.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';
import {
  check,
  type Check,
  configCheck,
  deliveryCheck,
  type ImapFacts,
  imapFacts,
  skipped,
  storeCheck,
} from './doctor-checks.js';

export type { Check } from './doctor-checks.js';

const AFTER_CONFIG = ['store', 'store files', 'imap login', 'identity', 'digest delivery', 'time zone', 'next digest'];

async function configuredChecks(config: Config): Promise<Check[]> {
  const [
    app,
    { createLogger },
    { findSentFolder },
    { cronFields },
    { nextSlot },
    identity,
    { sentSenders },
    { configForAccount },
  ] = await Promise.all([
    import('../app.js'),
    import('../log.js'),
    import('../source/folders.js'),
    import('../scheduler/cron.js'),
    import('../scheduler/slot.js'),
    import('../track/identity.js'),
    import('../source/sent-senders.js'),
    import('../config.js'),
  ]);
  const log = createLogger({ level: 'silent' });
  const checks: Check[] = [configCheck(config)];
  checks.push(await storeCheck(() => app.openStoreApp(config, { log })));
  checks.push(
    await check('store files', async () => {
      const { PRIVATE_FILE, widerThanPrivate } = await import('../store/file-modes.js');
      const wider = await widerThanPrivate(config.store.path);
      if (wider.length === 0) return `readable only by you (${PRIVATE_FILE.toString(8)})`;
      const files = wider.map((w) => `${w.file} (${w.mode.toString(8)})`).join(', ');
      throw new Error(
        `${files}: other users can read your mail and forge replies to the digest — fix: chmod 600 ${wider.map((w) => w.file).join(' ')}`,
      );
    }),
  );
  for (const { label, signIn } of signInsOf(config)) {
    const state = await signInState(label, signIn, new Date());
    checks.push({ name: `sign-in (${label})`, ok: state.ok, detail: state.detail });
  }
  // Each account's login and senders on lines of their own; with one account they read as they always did.
  const several = config.accounts.length > 1;
  let delivering: ImapFacts | null = null;
  for (const account of config.accounts) {
    const own = several ? configForAccount(config, account.id) : config;
    const tag = several ? ` [${account.id}]` : '';
    // Filled in by the login check, read by the checks after it.
    const seen: { facts: ImapFacts | null; froms: string[] | null } = { facts: null, froms: null };
    checks.push(
      await check(`imap login${tag}`, async () => {
        const session = await app.openUserImap({ config: own, log });
        try {
          seen.facts = await imapFacts(session, own, (list) => findSentFolder(list, own.imap.sentFolder));
          seen.froms = await sentSenders(session, seen.facts.sent).catch(() => null);
        } finally {
          await session.close();
        }
        const facts = seen.facts;
        const names = facts.folders.map((f) => f.path);
        if (!facts.inboxExists)
          throw new Error(
            `logged in, but there is no folder "${own.imap.inboxFolder}" — fix: set imap.inboxFolder to one of: ${names.join(', ')}`,
          );
        return `${own.imap.user} at ${own.imap.host}:${own.imap.port}; Sent is "${facts.sent}", replies in "${own.imap.inboxFolder}"`;
      }),
    );
    const { facts, froms: sample } = seen;
    if (!facts) checks.push(skipped(`identity${tag}`, 'the IMAP login failed'));
    else if (!sample) checks.push({ name: `identity${tag}`, ok: false, detail: 'could not read the senders of Sent' });
    else {
      const warning = identity.identityWarning(identity.missingIdentities(sample, own.me), sample.length);
      checks.push(
        warning
          ? { name: `identity${tag}`, ok: false, detail: warning }
          : {
              name: `identity${tag}`,
              ok: true,
              detail: sample.length
                ? `"me" covers the senders of the last ${sample.length} mails in Sent`
                : 'Sent is empty: nothing to compare yet',
            },
      );
    }
    // The digest is filed through the delivering account's server (digest.account, else the first).
    if (account.id === config.id) delivering = facts;
  }
  checks.push(
    await deliveryCheck(config, delivering, async () => {
      if (config.smtp) await app.userSmtp(config, null);
    }),
  );
  checks.push(
    await check(
      'time zone',
      async () => `${config.timezone}, now ${new Date().toLocaleString('en-GB', { timeZone: config.timezone })}`,
    ),
  );
  checks.push(
    await check('next digest', async () => {
      const next = nextSlot(cronFields(config.digest.cron), new Date(), config.digest.timezone);
      if (!next) throw new Error(`"${config.digest.cron}" never fires — fix: set digest.cron, e.g. "30 7 * * 1-5"`);
      return `${next.toLocaleString('en-GB', { timeZone: config.digest.timezone })} ${config.digest.timezone} (${config.digest.cron})`;
    }),
  );
  return checks;
}

export async function runDoctor(configPath: string | undefined): Promise<Check[]> {
  const { loadConfig } = await import('../config.js');
  let config: Config;
  try {
    config = await loadConfig(configPath);
  } catch (error) {
    return [
      { name: 'config', ok: false, detail: errorMessage(error) },
      ...AFTER_CONFIG.map((n) => skipped(n, 'the config is not usable')),
    ];
  }
  return configuredChecks(config);
}

const MARK = { true: '✓', false: '✗', skip: '–' } as const;

export const doctorCommand: CliCommand = {
  name: 'doctor',
  description: 'check the config, the store, the login, the folders, who sends from Sent, delivery and the schedule',
  options: [CONFIG_OPTION],
  async run(_args, options) {
    const checks = await runDoctor(typeof options.config === 'string' ? options.config : undefined);
    for (const c of checks)
      process.stdout.write(
        `${MARK[String(c.ok) as keyof typeof MARK]} ${c.name.padEnd(16)} ${c.detail.replace(/\n/g, '\n                   ')}\n`,
      );
    const failed = checks.filter((c) => c.ok === false).length;
    process.stdout.write(failed ? `\n${failed} problem(s) found.\n` : '\nall good.\n');
    if (checks[0]?.ok === false && checks[1]?.ok === 'skip') return EXIT.usage;
    return failed ? EXIT.failure : EXIT.ok;
  },
};
