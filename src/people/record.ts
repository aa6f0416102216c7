// The ingest hook: a stored mail updates its people (the user's recipients on sent mail, the sender on received
// mail), and any mail either way resolves a "Keep in touch" suggestion for them.
import { markBulk, recordPersonMail, resolveKeepInTouch } from '../store/index.js';
import type { Db } from '../store/index.js';
import { canonicalAddress } from '../track/who.js';
import type { Address, Message } from '../types.js';
import { addressCounts, isBulkMail } from './who-counts.js';

export interface RecordWhere {
  direction: 'sent' | 'received';
  threadId: string;
  me: readonly string[];
  now: Date;
}

/** Records the mail's people; the ids of the Keep in touch items it resolved. */
export async function recordPeople(db: Db, message: Message, where: RecordWhere): Promise<number[]> {
  const people: Address[] = where.direction === 'sent' ? [...message.to, ...message.cc, ...message.bcc] : message.from;
  const counted = people.filter((a) => addressCounts(a.address, { me: where.me, excludeDomains: [] }));
  if (counted.length === 0) return [];
  const addresses = [...new Set(counted.map((a) => canonicalAddress(a.address)))];
  if (where.direction === 'received' && isBulkMail(message.headers)) {
    for (const address of addresses) await markBulk(db, address);
    return [];
  }
  const at = (message.date ?? where.now).toISOString();
  for (const a of counted) {
    const address = canonicalAddress(a.address);
    const mail = {
      address,
      name: a.name.trim(),
      messageId: message.id,
      direction: where.direction,
      at,
      subject: message.subject,
      threadId: where.threadId,
    };
    await recordPersonMail(db, mail);
  }
  return resolveKeepInTouch(db, addresses, where.now);
}
