// Which folder is Sent, and which Drafts? Pure. The server's SPECIAL-USE flag first (RFC 6154), then the names mail clients
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
  'sent',
  'sent items',
  'sent messages',
  'sent mail',
  'sent-mail',
  'gesendet',
  'gesendete objekte',
  'gesendete elemente',
  'gesendete nachrichten',
  'envoyés',
  'éléments envoyés',
  'messages envoyés',
  'envoyé',
  'enviados',
  'elementos enviados',
  'itens enviados',
  'mensagens enviadas',
  'correo enviado',
  'posta inviata',
  'inviata',
  'inviati',
  'elementi inviati',
  'verzonden',
  'verzonden items',
  'verzonden berichten',
  'skickat',
  'skickade objekt',
  'skickade',
  'sendt',
  'sendte elementer',
  'sendte',
  'lähetetyt',
  'lähetetyt kohteet',
  'wysłane',
  'elementy wysłane',
  'odeslané',
  'odoslané',
  'elküldött',
  'trimise',
  'gönderilmiş öğeler',
  'gönderilen',
  'отправленные',
  'надіслані',
  'απεσταλμένα',
  '送信済み',
  '已发送',
  '已傳送',
  '보낸편지함',
]);

// Namespaces in front of the real name: Courier/Cyrus "INBOX.", Gmail's "[Gmail]/" (localized Gmail included).
const PREFIX = /^(?:inbox|\[gmail\]|\[google mail\])[./]/i;

/** Folder names come decoded from modified UTF-7; "é" may still be composed or not, so compare in NFC. */
const bare = (path: string) => path.normalize('NFC').replace(PREFIX, '').trim().toLowerCase();

/** Usual names of the drafts folder, lower-cased, without a namespace prefix. */
const DRAFTS_NAMES = new Set([
  'drafts',
  'draft',
  'entwürfe',
  'brouillons',
  'borradores',
  'rascunhos',
  'bozze',
  'concepten',
  'utkast',
  'kladder',
  'luonnokset',
  'kopie robocze',
  'koncepty',
  'piszkozatok',
  'schițe',
  'taslaklar',
  'черновики',
  'чернетки',
  'πρόχειρα',
  '下書き',
  '草稿',
  '임시 보관함',
]);

interface FolderKind {
  flag: string;
  names: ReadonlySet<string>;
  setting: string;
  label: string;
}

const SENT: FolderKind = { flag: '\\Sent', names: SENT_NAMES, setting: 'imap.sentFolder', label: 'Sent' };
const DRAFTS: FolderKind = { flag: '\\Drafts', names: DRAFTS_NAMES, setting: 'imap.draftsFolder', label: 'Drafts' };

const isFlagged = (f: FolderLike, flag: string) =>
  [f.specialUse ?? '', ...(f.flags ?? [])].some((each) => each.toLowerCase() === flag.toLowerCase());

function findFolder(kind: FolderKind, folders: readonly FolderLike[], override?: string | null): string {
  const all = folders.map((f) => f.path).join(', ');
  if (override) {
    if (folders.some((f) => f.path === override)) return override;
    throw new FollowthruError(
      'EIMAP_FOLDER',
      `${kind.setting} "${override}" does not exist on the server; its folders are: ${all}`,
    );
  }
  const flagged = folders.filter((f) => isFlagged(f, kind.flag));
  const candidates = flagged.length > 0 ? flagged : folders.filter((f) => kind.names.has(bare(f.path)));
  const [only] = candidates;
  if (candidates.length === 1 && only) return only.path;
  if (candidates.length === 0) {
    throw new FollowthruError(
      'EIMAP_FOLDER',
      `no ${kind.label} folder found (no ${kind.flag} flag, no usual name) — set ${kind.setting} to one of: ${all}`,
    );
  }
  const names = candidates.map((f) => `"${f.path}"`).join(', ');
  throw new FollowthruError(
    'EIMAP_FOLDER',
    `more than one folder could be ${kind.label}: ${names} — set ${kind.setting} to the right one`,
  );
}

export function findSentFolder(folders: readonly FolderLike[], override?: string | null): string {
  return findFolder(SENT, folders, override);
}

/** Where `draft N` files its follow-ups: SPECIAL-USE \\Drafts, then the usual names, with a config override. */
export function findDraftsFolder(folders: readonly FolderLike[], override?: string | null): string {
  return findFolder(DRAFTS, folders, override);
}
