// Small builders for the tracking tests: a Message, a TrackedItem and a Commitment with sensible defaults, so
// each test states only what matters to it.
import type { Address, AttachmentInfo, Commitment, Message, TrackedItem } from '../../src/types.js';

/** The user: a main address and an alias. */
export const ME = ['ann@example.com', 'ann.lee@work.example'];
export const BOB = 'bob@client.example';
export const CAROL = 'carol@client.example';
/** Thursday 2026-05-14 12:00 UTC: mid-week, so three business days ahead is plain Tuesday. */
export const NOW = new Date('2026-05-14T12:00:00Z');
export const ZONE = 'America/New_York';

/** "Bob <bob@x>" or "bob@x" → Address. */
export function addr(text: string): Address {
  const match = /^(.*)<([^>]+)>$/.exec(text.trim());
  return match
    ? { name: (match[1] ?? '').trim(), address: (match[2] ?? '').toLowerCase() }
    : { name: '', address: text };
}

export function file(filename: string): AttachmentInfo {
  return { filename, contentType: 'application/octet-stream', size: 1000 };
}

export interface MessageSpec extends Partial<Omit<Message, 'from' | 'to' | 'cc' | 'bcc' | 'date' | 'attachments'>> {
  from?: string;
  to?: string[];
  cc?: string[];
  bcc?: string[];
  date?: string | null;
  attachments?: string[];
}

let counter = 0;

export function message(spec: MessageSpec = {}): Message {
  counter += 1;
  const id = spec.id ?? `m${counter}@test`;
  const { from, to, cc, bcc, date, attachments, ...rest } = spec;
  return {
    id,
    messageId: id,
    inReplyTo: null,
    references: [],
    replyTo: [],
    subject: 'Contract',
    tzOffsetMinutes: 0,
    headers: {},
    text: rest.newText ?? '',
    newText: '',
    size: 1000,
    ...rest,
    from: [addr(from ?? BOB)],
    to: (to ?? [ME[0] ?? '']).map(addr),
    cc: (cc ?? []).map(addr),
    bcc: (bcc ?? []).map(addr),
    date: date === null ? null : new Date(date ?? NOW.toISOString()),
    attachments: (attachments ?? []).map(file),
  };
}

/** A reply in thread `parent`: In-Reply-To and References point at it, subject gets "Re:". */
export function replyTo(parent: Message, spec: MessageSpec = {}): Message {
  return message({
    subject: `Re: ${parent.subject}`,
    inReplyTo: parent.id,
    references: [...parent.references, parent.id],
    ...spec,
  });
}

export function item(spec: Partial<TrackedItem> = {}): TrackedItem {
  return {
    id: 1,
    account: 'default',
    kind: 'promise',
    status: 'open',
    text: "I'll send you the brochure.",
    action: 'send the brochure',
    due: null,
    counterparties: [addr(BOB)],
    messageId: 'promise@test',
    threadId: 'promise@test',
    subject: 'Brochure',
    sentAt: '2026-05-11T14:00:00.000Z',
    rule: 'first-person-will',
    confidence: 0.9,
    evidence: null,
    snoozedUntil: null,
    nudges: 0,
    clockStartedAt: spec.sentAt ?? '2026-05-11T14:00:00.000Z',
    rejectedEvidence: [],
    updatedAt: '2026-05-11T14:00:00.000Z',
    ...spec,
  };
}

export function commitment(action: string, spec: Partial<Commitment> = {}): Commitment {
  return {
    text: `I'll ${action}.`,
    action,
    due: null,
    counterparties: [addr(BOB)],
    confidence: 0.9,
    rule: 'first-person-will',
    ...spec,
  };
}
