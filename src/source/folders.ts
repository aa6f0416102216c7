// Which folder is Sent? Pure: SPECIAL-USE \Sent first, then the usual names, with a config override.
import { FollowthruError } from '../errors.js';
import type { FolderInfo } from './imap.js';

/** Common names of the sent folder, lower-cased, without a namespace prefix. */
const SENT_NAMES = new Set([
  'sent', 'sent items', 'sent messages', 'sent mail', 'sent-mail', '[gmail]/sent mail', '[google mail]/sent mail',
  'gesendet', 'gesendete objekte', 'gesendete elemente', 'envoyés', 'éléments envoyés', 'messages envoyés',
  'enviados', 'elementos enviados', 'itens enviados', 'posta inviata', 'inviata', 'verzonden', 'verzonden items',
  'skickat', 'skickade objekt', 'sendt', 'sendte elementer', 'wysłane', 'odeslané', 'отправленные',
]);

const bare = (path: string) => path.replace(/^inbox[./]/i, '').toLowerCase();

export function findSentFolder(folders: readonly FolderInfo[], override: string | null): string {
  const paths = folders.map((f) => f.path).join(', ');
  if (override) {
    if (folders.some((f) => f.path === override)) return override;
    throw new FollowthruError('EIMAP_FOLDER', `imap.sentFolder "${override}" does not exist on the server; its folders are: ${paths}`);
  }
  const flagged = folders.filter((f) => f.specialUse === '\\Sent');
  if (flagged.length === 1 && flagged[0]) return flagged[0].path;
  const candidates = flagged.length > 1 ? flagged : folders.filter((f) => SENT_NAMES.has(bare(f.path)));
  if (candidates.length === 1 && candidates[0]) return candidates[0].path;
  if (candidates.length === 0) {
    throw new FollowthruError('EIMAP_FOLDER', `no Sent folder found (no \\Sent flag, no usual name) — set imap.sentFolder to one of: ${paths}`);
  }
  const names = candidates.map((f) => `"${f.path}"`).join(', ');
  throw new FollowthruError('EIMAP_FOLDER', `more than one folder could be Sent: ${names} — set imap.sentFolder to the right one`);
}
