// The nouns passed between pipeline stages. Read this file first.
// Naming: `Raw*` is untrusted input straight from a source; `Tracked*` is persisted in the store.

/** Bytes of one mail as a source handed them over, before any parsing. */
export interface RawMessage {
  /** Where it came from, for logs and skip records: "imap:Sent", "file:/path/x.eml", "mbox:/path#12". */
  origin: string;
  /** Folder the mail was seen in ("Sent", "INBOX"), or the local file's role. */
  mailbox: string;
  /** IMAP only: UIDVALIDITY as text (it is a 32-bit unsigned number that imapflow gives as a BigInt). */
  uidValidity?: string;
  /** IMAP only. */
  uid?: number;
  bytes: Buffer;
  /** IMAP only: the mail is larger than the fetch cap (its size in bytes, per the server); `bytes` is then empty. */
  tooLarge?: number;
}

/** One mailbox address. `address` is lower-cased and trimmed; `name` is the display name or "". */
export interface Address {
  name: string;
  address: string;
}

export interface AttachmentInfo {
  filename: string | null;
  contentType: string;
  size: number;
}

/** A parsed mail. Only `newText` reaches the detectors: quotes, forwards and signatures are gone. */
export interface Message {
  /** Stable identity: the Message-ID without angle brackets, or "sha256:<hex>" of stable headers and body. */
  id: string;
  /** The Message-ID header without angle brackets, or null when missing. */
  messageId: string | null;
  inReplyTo: string | null;
  /** References header ids, oldest first, without angle brackets. */
  references: string[];
  from: Address[];
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  subject: string;
  /** The Date header as an instant, or null when missing or invalid. */
  date: Date | null;
  /** The Date header's UTC offset in minutes (-420 for -0700): the sender's time zone. 0 when unknown. */
  tzOffsetMinutes: number;
  /** A few headers the later stages decide on, lower-cased names: auto-submitted, precedence,
   * list-unsubscribe, list-id, x-autoreply, x-auto-response-suppress, x-followthru-digest, x-gm-thrid,
   * content-type (top level), from (raw, for the owner check on digest replies), authentication-results (every
   * one, topmost first, one per line). */
  headers: Readonly<Record<string, string>>;
  /** The whole body as plain text (HTML-only mail converted). */
  text: string;
  /** Only the sender's new text: no quoted replies, forwards, signatures or disclaimers. */
  newText: string;
  attachments: AttachmentInfo[];
  /** Size of the raw mail in bytes. */
  size: number;
}

/** A due date as read from the text. */
export interface Due {
  /** Calendar day in the sender's zone, YYYY-MM-DD. */
  date: string;
  /** ISO instant with the sender's offset when a time of day was given or implied (EOD = 17:00), else null. */
  at: string | null;
  /** The phrase it was read from, as written: "Friday", "by EOD", "next week". */
  text: string;
}

export interface Commitment {
  /** The sentence as it stands in the new text (hard wraps joined with one space). */
  text: string;
  /** A short verb phrase: "send the brochure". */
  action: string;
  due: Due | null;
  /** Who it was promised to: the mail's To (and Cc when To is empty). */
  counterparties: Address[];
  /** 0..1 */
  confidence: number;
  /** Id of the rule in rules/ that found it. */
  rule: string;
}

/** What extraction says about one mail. */
export interface Extraction {
  commitments: Commitment[];
  /** The sender asked the recipients something that calls for an answer or action back. */
  expectsReply: boolean;
  /** A deal closed or a delivery happened (rules/milestones.json): a check-in with them follows. */
  milestones?: Milestone[];
}

export interface Milestone {
  /** Id of the rule in rules/milestones.json. */
  rule: string;
  /** The sentence it was found in. */
  sentence: string;
}

export type ItemKind = 'promise' | 'awaiting-reply' | 'their-promise' | 'asked-of-you';
export type ItemStatus = 'open' | 'kept' | 'answered' | 'done' | 'dropped' | 'snoozed';

/** Why an item was closed automatically. */
export interface Evidence {
  /** Message id (Message.id) of the mail that proves it. */
  messageId: string;
  subject: string;
  at: string;
  attachment: string | null;
  /** The words that matched the promise. */
  words: string[];
  confidence: number;
}

/** An item as the store keeps it. */
export interface TrackedItem {
  /** Unique across accounts: a digest numbers items of every account by these ids. */
  id: number;
  /** The account whose mailbox the item came from ("default" with one account). */
  account: string;
  kind: ItemKind;
  status: ItemStatus;
  /** The sentence (promise, their promise, request) or, for awaiting-reply, the subject line. */
  text: string;
  action: string;
  due: Due | null;
  /** The other side: who the promise was made to, who must answer, who asked. */
  counterparties: Address[];
  /** Message.id of the mail the item came from. */
  messageId: string;
  threadId: string;
  subject: string;
  /** ISO instant the source mail was sent. */
  sentAt: string;
  rule: string;
  confidence: number;
  evidence: Evidence | null;
  snoozedUntil: string | null;
  /** Follow-up nudges the user already sent in the thread. */
  nudges: number;
  /** ISO instant the follow-up clock last restarted (sent, or the user's last nudge). */
  clockStartedAt: string;
  /** Evidence message ids the user rejected by reopening: never auto-close on them again. */
  rejectedEvidence: string[];
  /** ISO instant the item last changed state. */
  updatedAt: string;
}

/** One numbered line of a digest, pointing at a tracked item. */
export interface DigestEntry {
  number: number;
  itemId: number;
}

/** 'still-open' is the weekly review's list of open promises; the review reuses 'waiting' and 'keep-in-touch'. */
export type DigestSection =
  'overdue' | 'due-today' | 'coming-up' | 'waiting' | 'asked-of-you' | 'keep-in-touch' | 'kept' | 'still-open';

/** A parsed command from a reply to a digest. Item numbers refer to that digest. */
export type ReplyCommand =
  | { verb: 'done' | 'drop' | 'reopen' | 'not-a-promise'; numbers: number[] | 'all'; hashed?: number[] }
  /** Never suggest keeping in touch with this person again (Keep in touch lines only): the item is dropped. */
  | { verb: 'mute'; numbers: number[]; hashed?: number[] }
  /** A follow-up for each item, filed in the user's Drafts folder: nothing about the item changes. */
  | { verb: 'draft'; numbers: number[]; hashed?: number[] }
  /** `until` is 08:00 on `day` (YYYY-MM-DD) in the user's zone; `whenText` is the phrase as written. */
  | { verb: 'snooze'; numbers: number[]; until: string; day: string; whenText: string; hashed?: number[] }
  | { verb: 'due'; numbers: number[]; due: Due; hashed?: number[] }
  /** `reason` when the line was read but cannot apply ("no such item"), else it was not understood. */
  | { verb: 'unknown'; text: string; reason?: string };

/** One numbered line of a composed digest. Every string that came from mail is raw here: renderers escape. */
export interface DigestLine {
  number: number;
  itemId: number;
  /** The item's account, set only when the digest covers more than one: renderers show it as a label. */
  account?: string;
  section: DigestSection;
  /** The promise or request verbatim; for an awaiting-reply, the subject. */
  quote: string;
  /** The other side: "Priya Shah <priya@harbor.example>". */
  who: string;
  subject: string;
  /** When the source mail was sent: "Tue 10 Nov" ("Mon 3 Apr 2000" from another year). */
  sent: string;
  /** The source mail came from them (asked of you, their promise): rendered "from X · received". */
  received?: boolean;
  /** The due date as read: "you wrote 'Friday' → Fri 13 Nov". */
  due: string | null;
  /** One line: what to do now. */
  next: string;
  /** For a thread waiting on them: a short follow-up the user can copy. */
  suggestion: string | null;
  /** For a kept item: what proved it. */
  evidence: string | null;
}

export interface Digest {
  /** YYYY-MM-DD in the digest's zone. */
  forDay: string;
  subject: string;
  sections: { section: DigestSection; title: string; lines: DigestLine[] }[];
  /** Items left out by maxItems ("and N more"). */
  more: number;
  /** Lines shown above the sections (the weekly review's counts); raw text, renderers escape. */
  summary?: readonly string[];
}

/** An item before the store gives it an id, an account and a time of change. */
export type NewItem = Omit<TrackedItem, 'id' | 'updatedAt' | 'account'>;

/** A short mail telling the user what their reply to a digest did. Sent after the batch commits. */
export interface Confirmation {
  subject: string;
  text: string;
  /** Message-ID of the user's reply, without angle brackets. */
  inReplyTo: string | null;
}
