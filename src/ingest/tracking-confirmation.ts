// The mail that answers a Bcc to the track address. Pure: the item and the mail in, the confirmation out.
import { printable } from '../digest/escape.js';
import { TRACK_ADDRESS_RULE } from '../track/track-tag.js';
import type { Confirmation, Message, TrackedItem } from '../types.js';

/**
 * "Tracking: Contract", echoing how a tag was read, for an item the track address made; null for any other item
 * (a promise found in the text is not confirmed by mail: the digest shows it).
 */
export function trackingConfirmation(item: TrackedItem, message: Message): Confirmation | null {
  if (item.rule !== TRACK_ADDRESS_RULE) return null;
  const who = printable(item.counterparties.map((a) => a.name || a.address).join(', '));
  const subject = printable(item.subject);
  const when = item.due
    ? `You asked to follow up '${printable(item.due.text)}': ${item.due.date}. Until then it stays out of your digest.`
    : 'If nobody answers, it shows up in your digest after 3 business days.';
  return {
    subject: `Tracking: ${subject || '(no subject)'}`,
    text: `followthru is now waiting for a reply from ${who} to "${subject}".\n${when}\n\nTo stop: reply "drop N" to a digest that lists it, or run: followthru drop '#${item.id}'\n`,
    inReplyTo: message.messageId,
  };
}
