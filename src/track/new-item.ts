// Building the items a mail creates. A NewItem is a TrackedItem the store has not numbered yet.
import type { Address, Commitment, ItemKind, Message, NewItem } from '../types.js';

export type { NewItem };

export interface MessagePlace {
  message: Message;
  threadId: string;
  /** ISO instant the mail was sent (its Date, or now when it has none). */
  sentAt: string;
}

type ItemFields = Pick<NewItem, 'text' | 'action' | 'due' | 'counterparties' | 'rule' | 'confidence'>;

export function newItem(kind: ItemKind, place: MessagePlace, fields: ItemFields): NewItem {
  return {
    kind,
    status: 'open',
    ...fields,
    messageId: place.message.id,
    threadId: place.threadId,
    subject: place.message.subject,
    sentAt: place.sentAt,
    evidence: null,
    snoozedUntil: null,
    nudges: 0,
    clockStartedAt: place.sentAt,
    rejectedEvidence: [],
  };
}

export function fromCommitment(
  kind: 'promise' | 'their-promise',
  place: MessagePlace,
  commitment: Commitment,
  counterparties: Address[],
): NewItem {
  return newItem(kind, place, {
    text: commitment.text,
    action: commitment.action,
    due: commitment.due,
    counterparties,
    rule: commitment.rule,
    confidence: commitment.confidence,
  });
}

/** An item about the whole mail (awaiting-reply, asked-of-you): its text is the subject line. */
export function fromMail(
  kind: 'awaiting-reply' | 'asked-of-you',
  place: MessagePlace,
  counterparties: Address[],
  rule: string,
  confidence: number,
): NewItem {
  const subject = place.message.subject.trim() || '(no subject)';
  return newItem(kind, place, {
    text: subject,
    action: 'reply',
    due: null,
    counterparties,
    rule,
    confidence,
  });
}
