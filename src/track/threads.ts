// Which conversation a mail belongs to. No store access: the caller passes `known`, a lookup from a key
// (a message id, a Gmail thread key or a subject key, see threadKeys) to the thread id recorded for it.
import type { Message } from '../types.js';
import { canonicalAddress } from './who.js';

/** "Re:", "Fwd:", "AW:", "WG:", "SV:", "RE[2]:", "Re(3):" and friends, with an ASCII or full-width colon. */
const REPLY_PREFIX = /^(?:re|fwd?|aw|wg|sv|vs|antw|tr|rv|rif|res|enc)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/i;
/** "[EXTERNAL]", "[ext]", "[project-x]" tags that gateways and lists put in front. */
const BRACKET_TAG = /^\[[^\]]*\]\s*/;

/** The subject with every leading reply/forward prefix and [tag] removed, whitespace collapsed, lower case. */
export function normalizeSubject(subject: string): string {
  let rest = subject.replace(/\s+/g, ' ').trim();
  for (;;) {
    const stripped = rest.replace(REPLY_PREFIX, '').replace(BRACKET_TAG, '');
    if (stripped === rest) break;
    rest = stripped;
  }
  return rest.replace(/\s*\((?:fwd|fw)\)$/i, '').toLowerCase();
}

/** The subject starts with "Re:", "AW:", "Fwd:"… (possibly after a [tag]). */
export function looksLikeReply(subject: string): boolean {
  return REPLY_PREFIX.test(subject.trim().replace(BRACKET_TAG, ''));
}

export function gmailThreadKey(message: Message): string | null {
  const thrid = message.headers['x-gm-thrid']?.trim();
  return thrid ? `gm:${thrid}` : null;
}

/**
 * The fallback key: the normalised subject plus everyone on the mail, sorted. A reply between the same people
 * on the same subject lands in the same thread even when a client dropped In-Reply-To and References.
 * Empty subjects give no key: "(no subject)" mails between two people are not one conversation.
 */
export function subjectKey(message: Message): string | null {
  const subject = normalizeSubject(message.subject);
  if (subject === '') return null;
  const people = [...message.from, ...message.to, ...message.cc]
    .map((entry) => canonicalAddress(entry.address))
    .filter((address) => address !== '');
  return `subject:${subject}|${[...new Set(people)].sort().join(',')}`;
}

/**
 * The thread id: the thread of In-Reply-To, then of the References (newest first), then of the Gmail thread
 * (X-GM-THRID), then of the subject key (only for a subject with a reply/forward prefix: a fresh "Weekly
 * report" is a new conversation, "Re: Weekly report" without headers is not). A mail already seen keeps its
 * thread. A new thread's id is the mail's own id.
 */
export function threadIdFor(message: Message, known: (id: string) => string | undefined): string {
  for (const key of threadLookupKeys(message)) {
    const thread = known(key);
    if (thread) return thread;
  }
  return message.id;
}

/** The keys threadIdFor asks `known` about, in the order it trusts them: the caller can fetch them up front. */
export function threadLookupKeys(message: Message): string[] {
  const candidates = [
    message.id,
    message.messageId,
    message.inReplyTo,
    ...[...message.references].reverse(),
    gmailThreadKey(message),
    looksLikeReply(message.subject) ? subjectKey(message) : null,
  ];
  return candidates.filter((key): key is string => key !== null && key !== '');
}

/** The keys the caller records against the thread id, so later mails find this thread through `known`. */
export function threadKeys(message: Message): string[] {
  const keys = [message.id, message.messageId, gmailThreadKey(message), subjectKey(message)];
  return [...new Set(keys.filter((key): key is string => key !== null && key !== ''))];
}
