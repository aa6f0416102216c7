// Mails seen, keyed by Message.id: seeing one again (new UID after a UIDVALIDITY reset, or in another folder)
// finds the row that is already there.
import type { Address, Message } from '../types.js';
import type { Db } from './db.js';
import { fromJson, toJson } from './json.js';
import { mailboxOf } from './scope.js';

export type Direction = 'sent' | 'received';

export interface StoredMessage {
  /** Message.id */
  id: string;
  messageId: string | null;
  threadId: string;
  /** Folder it was first seen in. */
  folder: string;
  direction: Direction;
  from: Address[];
  to: Address[];
  cc: Address[];
  subject: string;
  /** ISO instant from the Date header, or null when it had none. */
  sentAt: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Attachment file names. */
  attachments: string[];
  /** ISO instant followthru first saw it. */
  seenAt: string;
}

interface MessageRow {
  id: string;
  message_id: string | null;
  thread_id: string;
  folder: string;
  direction: Direction;
  from_json: string;
  to_json: string;
  cc_json: string;
  subject: string;
  sent_at: string | null;
  in_reply_to: string | null;
  references_json: string;
  attachments_json: string;
  seen_at: string;
}

/** The row for a parsed mail; thread and folder come from the caller, which knows them. */
export function messageRow(
  message: Message,
  where: { threadId: string; folder: string; direction: Direction; seenAt: Date },
): StoredMessage {
  return {
    id: message.id,
    messageId: message.messageId,
    threadId: where.threadId,
    folder: where.folder,
    direction: where.direction,
    from: message.from,
    to: message.to,
    cc: message.cc,
    subject: message.subject,
    sentAt: message.date ? message.date.toISOString() : null,
    inReplyTo: message.inReplyTo,
    references: message.references,
    attachments: message.attachments.flatMap((a) => (a.filename ? [a.filename] : [])),
    seenAt: where.seenAt.toISOString(),
  };
}

function fromRow(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    messageId: row.message_id,
    threadId: row.thread_id,
    folder: row.folder,
    direction: row.direction,
    from: fromJson<Address[]>(row.from_json, 'messages.from_json'),
    to: fromJson<Address[]>(row.to_json, 'messages.to_json'),
    cc: fromJson<Address[]>(row.cc_json, 'messages.cc_json'),
    subject: row.subject,
    sentAt: row.sent_at,
    inReplyTo: row.in_reply_to,
    references: fromJson<string[]>(row.references_json, 'messages.references_json'),
    attachments: fromJson<string[]>(row.attachments_json, 'messages.attachments_json'),
    seenAt: row.seen_at,
  };
}

export async function hasMessage(db: Db, id: string): Promise<boolean> {
  return (
    (await db.get('SELECT 1 AS found FROM messages WHERE account = ? AND id = ?', [mailboxOf(db), id])) !== undefined
  );
}

/** Saves the mail unless a row with its id exists. Returns true when the row is new. */
export async function saveMessage(db: Db, message: StoredMessage): Promise<boolean> {
  // ON CONFLICT(id) rather than INSERT OR IGNORE: only a duplicate is ignored, a NOT NULL or CHECK failure still throws.
  const { changes } = await db.run(
    `INSERT INTO messages (account, id, message_id, thread_id, folder, direction, from_json, to_json, cc_json, subject,
       sent_at, in_reply_to, references_json, attachments_json, seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, id) DO NOTHING`,
    [
      mailboxOf(db),
      message.id,
      message.messageId,
      message.threadId,
      message.folder,
      message.direction,
      toJson(message.from),
      toJson(message.to),
      toJson(message.cc),
      message.subject,
      message.sentAt,
      message.inReplyTo,
      toJson(message.references),
      toJson(message.attachments),
      message.seenAt,
    ],
  );
  return changes === 1;
}

export async function getMessage(db: Db, id: string): Promise<StoredMessage | null> {
  const row = await db.get<MessageRow>('SELECT * FROM messages WHERE account = ? AND id = ?', [mailboxOf(db), id]);
  return row ? fromRow(row) : null;
}

/** Every mail of a thread, oldest first (mails without a date last). */
export async function listThreadMessages(db: Db, threadId: string): Promise<StoredMessage[]> {
  const rows = await db.all<MessageRow>(
    'SELECT * FROM messages WHERE account = ? AND thread_id = ? ORDER BY sent_at IS NULL, sent_at, seen_at, id',
    [mailboxOf(db), threadId],
  );
  return rows.map(fromRow);
}

/** Finds a stored mail by its Message-ID header (threading: In-Reply-To and References point at these). */
export async function findMessageByMessageId(db: Db, messageId: string): Promise<StoredMessage | null> {
  const row = await db.get<MessageRow>(
    'SELECT * FROM messages WHERE account = ? AND message_id = ? ORDER BY seen_at LIMIT 1',
    [mailboxOf(db), messageId],
  );
  return row ? fromRow(row) : null;
}
