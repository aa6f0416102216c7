// Has a thread been answered? The other side answers awaiting-reply and their-promise items; the user answers
// asked-of-you items. Auto-replies and bounces answer nothing; rejected answers never count again.
import type { Evidence, Message, TrackedItem } from '../types.js';
import { isAutoReply, isBulk } from './auto-reply.js';
import { includesAddress, isFromMe } from './who.js';

function isAfter(message: Message, item: TrackedItem): boolean {
  // A mail without a Date arrived now, which is after anything already tracked.
  return !message.date || message.date.getTime() > Date.parse(item.sentAt);
}

function evidenceOf(message: Message, at: Date): Evidence {
  return {
    messageId: message.id,
    subject: message.subject,
    at: (message.date ?? at).toISOString(),
    attachment: message.attachments.find((a) => a.filename)?.filename ?? null,
    words: [],
    confidence: 0.9,
  };
}

/**
 * Evidence that `message`, in thread `threadId`, answers `item`, or null.
 * - awaiting-reply, their-promise: a mail from one of the item's counterparties, not from the user, not an
 *   auto-reply or bulk mail.
 * - asked-of-you: any mail from the user (a reply closes a plain question).
 * Either way: same thread, after the item's mail, not the item's own mail, not rejected before.
 */
export function findAnswer(
  item: TrackedItem,
  message: Message,
  threadId: string,
  me: readonly string[],
  now: Date,
): Evidence | null {
  if (threadId !== item.threadId || message.id === item.messageId || !isAfter(message, item)) return null;
  if (item.rejectedEvidence.includes(message.id)) return null;
  const fromMe = isFromMe(message, me);
  if (item.kind === 'asked-of-you') return fromMe ? evidenceOf(message, now) : null;
  if (item.kind !== 'awaiting-reply' && item.kind !== 'their-promise') return null;
  if (fromMe || isAutoReply(message) || isBulk(message)) return null;
  const fromCounterparty = message.from.some((sender) => includesAddress(item.counterparties, sender));
  return fromCounterparty ? evidenceOf(message, now) : null;
}
