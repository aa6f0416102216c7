// Does an address make a person? Not the user, not a machine, not a list: bulk, automated and list mail never
// makes a person to keep in touch with. Pure.
import { canonicalAddress, isMe } from '../track/who.js';

/** Local parts that a machine answers to ("noreply@", "notifications@", "newsletter@"). */
const AUTOMATED_LOCAL =
  /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|mailer[-_.]?daemon|postmaster|bounces?|notifications?|notify|alerts?|newsletters?|news|digest|updates|marketing|billing|invoices?|receipts?|orders?|automated|system|daemon|root|admin|listserv|majordomo|list|lists)(?:[-_.+].*)?$/;
/** Words that give a list or a bulk sender away anywhere in the local part ("weekly-newsletter@", "bounce-123@"). */
const AUTOMATED_ANYWHERE = /(?:no-?reply|newsletter|mailer-daemon|bounce|unsubscribe|-request$|-owner$)/;

export interface WhoCountsOptions {
  /** The user's own addresses and aliases. */
  me: readonly string[];
  /** Domains never suggested (the user's own company), lower case, without "@". */
  excludeDomains: readonly string[];
}

/** The address alone: a person, or the user, a machine or an excluded domain. */
export function addressCounts(address: string, o: WhoCountsOptions): boolean {
  const plain = canonicalAddress(address);
  const at = plain.lastIndexOf('@');
  if (at <= 0 || at === plain.length - 1) return false;
  if (isMe(plain, o.me)) return false;
  const local = plain.slice(0, at);
  const domain = plain.slice(at + 1);
  if (AUTOMATED_LOCAL.test(local) || AUTOMATED_ANYWHERE.test(local)) return false;
  return !o.excludeDomains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** Headers (lower-cased names) that mark a received mail as bulk, list or automated: its sender is no person. */
export function isBulkMail(headers: Readonly<Record<string, string>>): boolean {
  const value = (name: string) => (headers[name] ?? '').trim().toLowerCase();
  if (value('list-id') !== '' || value('list-unsubscribe') !== '') return true;
  if (['bulk', 'list', 'junk'].includes(value('precedence'))) return true;
  const auto = value('auto-submitted');
  if (auto !== '' && auto !== 'no') return true;
  return value('x-autoreply') !== '' || value('x-auto-response-suppress') !== '';
}
