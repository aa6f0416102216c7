// What doctor checks, one function each. Every check runs and reports, whatever failed before it: a broken
// store must not hide a wrong login, and a failed login must not pass as working delivery.
import type { StoreApp } from '../app.js';
import type { Config } from '../config.js';
import { errorMessage } from '../errors.js';
import type { ImapSession } from '../source/imap.js';
import type { FolderInfo } from '../source/port.js';

export interface Check {
  name: string;
  /** 'skip': could not be checked because an earlier check failed; counted as a problem. */
  ok: boolean | 'skip';
  detail: string;
}

export async function check(name: string, run: () => Promise<string>): Promise<Check> {
  try {
    return { name, ok: true, detail: await run() };
  } catch (error) {
    return { name, ok: false, detail: errorMessage(error) };
  }
}

export const skipped = (name: string, because: string): Check => ({
  name,
  ok: 'skip',
  detail: `not checked: ${because}`,
});

/** The domains RFC 2606 keeps for documentation: a config still on them was copied and never filled in. */
const PLACEHOLDER = /(^|[.@])example\.(com|net|org)$/i;

/** Fields still holding config.example.json's placeholders. Pure. */
export function placeholderFields(config: Config): string[] {
  const fields: [string, string | null | undefined][] = [
    ...config.me.map((m, i): [string, string] => [`me.${i}`, m]),
    ['imap.host', config.imap.host],
    ['imap.user', config.imap.user],
    ['smtp.host', config.smtp?.host],
    ['digest.to', config.digest.to],
  ];
  return fields
    .filter(([, value]) => value != null && PLACEHOLDER.test(value))
    .map(([field, value]) => `${field} = ${value}`);
}

export function configCheck(config: Config): Check {
  const placeholders = placeholderFields(config);
  if (placeholders.length === 0) return { name: 'config', ok: true, detail: config.configPath };
  const fix = 'put your own address and servers there (or run `followthru init`)';
  return {
    name: 'config',
    ok: false,
    detail: `${config.configPath} still has placeholder values: ${placeholders.join(', ')} — fix: ${fix}`,
  };
}

export interface ImapFacts {
  folders: FolderInfo[];
  sent: string;
  inboxExists: boolean;
}

/** Delivery can only be ✓ when the path the digest takes was seen working. */
export async function deliveryCheck(
  config: Config,
  imap: ImapFacts | null,
  verifySmtp: () => Promise<void>,
): Promise<Check> {
  const name = 'digest delivery';
  if (config.digest.deliver === 'imap') {
    if (!imap)
      return {
        name,
        ok: false,
        detail: 'the digest is filed over IMAP, and the IMAP login failed — fix: see "imap login" above',
      };
    if (!imap.inboxExists)
      return {
        name,
        ok: false,
        detail: `the digest is filed into "${config.imap.inboxFolder}", which does not exist — fix: see "imap login" above`,
      };
    return {
      name,
      ok: true,
      detail: `filed into "${config.imap.inboxFolder}" over IMAP (login and folder checked), to ${config.digest.to}`,
    };
  }
  return check(name, async () => {
    if (!config.smtp)
      throw new Error(
        'digest.deliver is "smtp" but there is no smtp block — fix: add one, or set digest.deliver to "imap"',
      );
    await verifySmtp();
    return `SMTP ${config.smtp.host}:${config.smtp.port} accepted the login, to ${config.digest.to}`;
  });
}

/** Store: opened (which runs the quick integrity check) and closed again. */
export async function storeCheck(open: () => Promise<StoreApp>): Promise<Check> {
  return check('store', async () => {
    const app = await open();
    try {
      return `${app.config.store.path} (integrity ok)`;
    } finally {
      await app.close();
    }
  });
}

export async function imapFacts(
  session: ImapSession,
  config: Config,
  findSent: (list: FolderInfo[]) => string,
): Promise<ImapFacts> {
  const folders = await session.listFolders();
  return { folders, sent: findSent(folders), inboxExists: folders.some((f) => f.path === config.imap.inboxFolder) };
}
