// What identifies a reply to a digest across sightings. The Message-ID alone does not: a server may add one to a
// mail that had none (or rewrite it), and the same reply then comes back as a "new" mail; applied again, it would
// undo a later "reopen". So a reply is also known by a digest of its content and date. Pure.
import { createHash } from 'node:crypto';
import type { Message } from '../types.js';

/** The keys under which a command of `message` on `itemId` is recorded as applied; any one seen before means "done". */
export function commandKeys(
  digestId: number,
  message: Pick<Message, 'id' | 'date' | 'text'>,
  itemId: number,
): string[] {
  const content = createHash('sha256')
    .update(`${message.date ? message.date.toISOString() : ''}\n${message.text.replace(/\s+/g, ' ').trim()}`)
    .digest('hex')
    .slice(0, 32);
  return [`${digestId}:${message.id}:${itemId}`, `${digestId}:content:${content}:${itemId}`];
}
