// A follow-up for one item, written for the user to edit and send themselves: a reply to the thread's latest
// mail (In-Reply-To, References), to the other side of the item with the thread's other people on Cc, and a
// neutral text that recalls what was promised or asked, and when. Pure: followthru never sends it.
import { firstName, person, shortCalendarDay, shortDay } from '../digest/format.js';
import { theirToYours } from '../digest/suggest.js';
import type { StoredMessage } from '../store/messages.js';
import { includesAddress, isMe, sameAddress, uniqueAddresses } from '../track/who.js';
import type { Address, TrackedItem } from '../types.js';

export interface DraftMail {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  /** Without angle brackets, or null when the thread's mail had no Message-ID. */
  inReplyTo: string | null;
  /** Oldest first, without angle brackets. */
  references: string[];
}

export interface DraftContext {
  /** The user's addresses; the first is the one the draft is from. */
  me: readonly string[];
  timeZone: string;
}

const byDate = (a: StoredMessage, b: StoredMessage) => (a.sentAt ?? a.seenAt).localeCompare(b.sentAt ?? b.seenAt);

/** The mail the draft answers: the thread's latest, or the item's own when the thread is not stored. */
function answered(item: TrackedItem, thread: readonly StoredMessage[]): StoredMessage | undefined {
  return [...thread].sort(byDate).at(-1) ?? thread.find((m) => m.id === item.messageId);
}

function replySubject(subject: string): string {
  const bare = subject.trim() || '(no subject)';
  return /^re:/i.test(bare) ? bare : `Re: ${bare}`;
}

function dueText(item: TrackedItem): string {
  return item.due ? ` (I said "${item.due.text}": ${shortCalendarDay(item.due.date)})` : '';
}

/** An address with the display name the thread gives it, when the item has none ("bob@x" → "Bob Stone <bob@x>"). */
function named(address: Address, thread: readonly StoredMessage[]): Address {
  if (address.name) return address;
  const everyone = thread.flatMap((m) => [...m.from, ...m.to, ...m.cc]);
  return everyone.find((a) => a.name && sameAddress(a, address)) ?? address;
}

/** What the user promised or asked, and when, in their own words: the part they edit around. */
function body(item: TrackedItem, to: Address | undefined, sent: string): string {
  const hi = `Hi ${firstName(to)},`;
  switch (item.kind) {
    case 'promise':
      return `${hi}\n\nOn ${sent} I wrote: "${item.text}"${dueText(item)}.\n\n[Where it stands now: what is done, what is left, and when you will have it.]`;
    case 'asked-of-you':
      return `${hi}\n\nOn ${sent} you asked: "${item.text}"\n\n[Your answer.]`;
    case 'awaiting-reply':
      return `${hi}\n\nI wrote to you on ${sent} about "${item.subject}" and have not heard back yet.\n\n[One thing that helps them answer, and one easy question.]`;
    case 'their-promise':
      return `${hi}\n\nOn ${sent} you mentioned you'd ${theirToYours(item.action)}${item.due ? ` ${item.due.text}` : ''}.\n\n[Ask where it stands, and offer what would make it easier.]`;
  }
}

/** Other people in the mail answered, not the user and not already on To: they were in the conversation. */
function others(mail: StoredMessage | undefined, to: readonly Address[], me: readonly string[]): Address[] {
  if (!mail) return [];
  return uniqueAddresses([...mail.from, ...mail.to, ...mail.cc]).filter((a) => !isMe(a, me) && !includesAddress(to, a));
}

export function composeDraft(item: TrackedItem, thread: readonly StoredMessage[], context: DraftContext): DraftMail {
  const mail = answered(item, thread);
  const to = uniqueAddresses(item.counterparties.filter((a) => !isMe(a, context.me))).map((a) => named(a, thread));
  const references = mail ? [...mail.references, ...(mail.messageId ? [mail.messageId] : [])] : [];
  return {
    from: context.me[0] ?? '',
    to: to.map(person),
    cc: others(mail, to, context.me).map(person),
    subject: replySubject(mail?.subject ?? item.subject),
    text: `${body(item, to[0], shortDay(new Date(item.sentAt), context.timeZone))}\n\nBest,\n`,
    inReplyTo: mail?.messageId ?? null,
    references: [...new Set(references)],
  };
}
