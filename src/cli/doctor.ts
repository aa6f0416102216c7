// followthru doctor: checks the config, the IMAP login and folders, digest delivery, the time zone, the store
// and the schedule. Each problem is printed with its fix; the exit code is 1 when there is any.
import { type App, openApp, openUserImap, userSmtp } from '../app.js';
import { signInState, signInsOf } from '../auth/status.js';
import { type Config, loadConfig } from '../config.js';
import { errorMessage } from '../errors.js';
import { createLogger } from '../log.js';
import { cronFields } from '../scheduler/cron.js';
import { nextSlot } from '../scheduler/slot.js';
import { findSentFolder } from '../source/folders.js';
import { PRIVATE_FILE, widerThanPrivate } from '../store/index.js';
import { CONFIG_OPTION, type CliCommand } from './command.js';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

async function check(name: string, run: () => Promise<string>): Promise<Check> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: errorMessage(error) };
  }
}

async function appChecks(app: App): Promise<Check[]> {
  const { config } = app;
  const checks: Check[] = [];
  checks.push(await check('time zone', async () => `${config.timezone}, now ${new Date().toLocaleString('en-GB', { timeZone: config.timezone })}`));
  checks.push(await check('store', async () => {
    const row = await app.store.get<{ integrity_check: string }>('PRAGMA integrity_check');
    if (row?.integrity_check !== 'ok') throw new Error(`integrity check failed: ${row?.integrity_check} — fix: restore a backup (followthru backup)`);
    return `${config.store.path} (integrity ok)`;
  }));
  checks.push(await check('store files', async () => {
    const wider = await widerThanPrivate(config.store.path);
    if (wider.length === 0) return `readable only by you (${PRIVATE_FILE.toString(8)})`;
    const files = wider.map((w) => `${w.file} (${w.mode.toString(8)})`).join(', ');
    throw new Error(`${files}: other users can read your mail and forge replies to the digest — fix: chmod 600 ${wider.map((w) => w.file).join(' ')}`);
  }));
  for (const { label, signIn } of signInsOf(config)) {
    const state = await signInState(label, signIn, new Date());
    checks.push({ name: `sign-in (${label})`, ok: state.ok, detail: state.detail });
  }
  let folders: string[] = [];
  checks.push(await check('imap login', async () => {
    const session = await openUserImap(app);
    try {
      const list = await session.listFolders();
      folders = list.map((f) => f.path);
      const sent = findSentFolder(list, config.imap.sentFolder);
      if (!folders.includes(config.imap.inboxFolder)) throw new Error(`no folder "${config.imap.inboxFolder}" — fix: set imap.inboxFolder to one of: ${folders.join(', ')}`);
      return `${config.imap.user} at ${config.imap.host}:${config.imap.port}; Sent is "${sent}", replies in "${config.imap.inboxFolder}"`;
    } finally {
      await session.close();
    }
  }));
  checks.push(await check('digest delivery', async () => {
    if (config.digest.deliver === 'imap') return `filed into "${config.imap.inboxFolder}" over IMAP, to ${config.digest.to}`;
    if (!config.smtp) throw new Error('digest.deliver is "smtp" but there is no smtp block — fix: add one, or set digest.deliver to "imap"');
    await userSmtp(config, null);
    return `SMTP ${config.smtp.host}:${config.smtp.port} accepted the login, to ${config.digest.to}`;
  }));
  checks.push(await check('next digest', async () => {
    const next = nextSlot(cronFields(config.digest.cron), new Date(), config.digest.timezone);
    if (!next) throw new Error(`"${config.digest.cron}" never fires — fix: set digest.cron, e.g. "30 7 * * 1-5"`);
    return `${next.toLocaleString('en-GB', { timeZone: config.digest.timezone })} ${config.digest.timezone} (${config.digest.cron})`;
  }));
  return checks;
}

export async function runDoctor(configPath: string | undefined): Promise<Check[]> {
  let config: Config;
  try {
    config = await loadConfig(configPath);
  } catch (error) {
    return [{ name: 'config', ok: false, detail: errorMessage(error) }];
  }
  const app = await openApp(config, { log: createLogger({ level: 'silent' }) });
  try {
    return [{ name: 'config', ok: true, detail: config.configPath }, ...(await appChecks(app))];
  } finally {
    await app.close();
  }
}

export const doctorCommand: CliCommand = {
  name: 'doctor',
  description: 'check the config, the login, the folders, digest delivery, the store and the schedule',
  options: [CONFIG_OPTION],
  async run(_args, options) {
    const checks = await runDoctor(typeof options.config === 'string' ? options.config : undefined);
    for (const c of checks) process.stdout.write(`${c.ok ? '✓' : '✗'} ${c.name.padEnd(16)} ${c.detail.replace(/\n/g, '\n                   ')}\n`);
    const failed = checks.filter((c) => !c.ok).length;
    process.stdout.write(failed ? `\n${failed} problem(s) found.\n` : '\nall good.\n');
    return failed ? 1 : 0;
  },
};
