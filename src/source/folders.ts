// Which folder is Sent? Pure. The server's SPECIAL-USE \Sent flag first (RFC 6154), then the names mail clients
// use in many languages, with a config override that always wins. Guessing between two candidates would read
// the wrong mail silently, so an ambiguous answer is an error that tells the user which setting to fill in.
import { FollowthruError } from '../errors.js';

export interface FolderLike {
  path: string;
  /** "\\Sent"… as the server flagged it (not a guess from the name), or null/absent. */
  specialUse?: string | null;
  /** LIST flags; a server's \Sent may arrive here only. */
  flags?: Iterable<string>;
}

/** Usual names of the sent folder, lower-cased, without a namespace prefix ("INBOX.", "[Gmail]/"). */
const SENT_NAMES = new Set([
  'sent', 'sent items', 'sent messages', 'sent mail', 'sent-mail',
  'gesendet', 'gesendete objekte', 'gesendete elemente', 'gesendete nachrichten',
  'envoyés', 'éléments envoyés', 'messages envoyés', 'envoyé',
  'enviados', 'elementos enviados', 'itens enviados', 'mensagens enviadas', 'correo enviado',
  'posta inviata', 'inviata', 'inviati', 'elementi inviati',
  'verzonden', 'verzonden items', 'verzonden berichten',
  'skickat', 'skickade objekt', 'skickade', 'sendt', 'sendte elementer', 'sendte', 'lähetetyt', 'lähetetyt kohteet',
  'wysłane', 'elementy wysłane', 'odeslané', 'odoslané', 'elküldött', 'trimise', 'gönderilmiş öğeler', 'gönderilen',
  'отправленные', 'надіслані', 'απεσταλμένα', '送信済み', '已发送', '已傳送', '보낸편지함',
]);

// Namespaces in front of the real name: Courier/Cyrus "INBOX.", Gmail's "[Gmail]/" (localized Gmail included).
const PREFIX = /^(?:inbox|\[gmail\]|\[google mail\])[./]/i;

/** Folder names come decoded from modified UTF-7; "é" may still be composed or not, so compare in NFC. */
const bare = (path: string) => path.normalize('NFC').replace(PREFIX, '').trim().toLowerCase();

const isFlaggedSent = (f: FolderLike) =>
  f.specialUse === '\\Sent' || [...(f.flags ?? [])].some((flag) => flag.toLowerCase() === '\\sent');

export function findSentFolder(folders: readonly FolderLike[], override?: string | null): string {
  const all = folders.map((f) => f.path).join(', ');
  if (override) {
    if (folders.some((f) => f.path === override)) return override;
    throw new FollowthruError('EIMAP_FOLDER', `imap.sentFolder "${override}" does not exist on the server; its folders are: ${all}`);
  }
  const flagged = folders.filter(isFlaggedSent);
  const candidates = flagged.length > 0 ? flagged : folders.filter((f) => SENT_NAMES.has(bare(f.path)));
  const [only] = candidates;
  if (candidates.length === 1 && only) return only.path;
  if (candidates.length === 0) {
    throw new FollowthruError('EIMAP_FOLDER', `no Sent folder found (no \\Sent flag, no usual name) — set imap.sentFolder to one of: ${all}`);
  }
  const names = candidates.map((f) => `"${f.path}"`).join(', ');
  throw new FollowthruError('EIMAP_FOLDER', `more than one folder could be Sent: ${names} — set imap.sentFolder to the right one`);
}
