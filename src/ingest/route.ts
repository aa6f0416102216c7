// Where a parsed mail goes next (the "route" box of the pipeline). Pure.
import { isFromMe } from '../track/who.js';
import type { Message } from '../types.js';

export type Route =
  /** A digest followthru sent: Gmail files SMTP-sent mail into Sent, and IMAP delivery puts it in INBOX. */
  | 'own-digest'
  /** The user answering a digest: commands, never promises. Whether it is really the owner is checked later. */
  | 'digest-reply'
  | 'outgoing'
  | 'inbound';

/** Digest Message-IDs look like followthru.<token>@domain (see digest/token.ts). */
const DIGEST_ID = /^followthru\.[a-z0-9]+@/i;

export function pointsAtDigest(message: Message): boolean {
  return [message.inReplyTo, ...message.references].some((id) => id !== null && DIGEST_ID.test(id));
}

export function routeMessage(message: Message, me: readonly string[]): Route {
  if (message.headers['x-followthru-digest'] !== undefined) return 'own-digest';
  if (pointsAtDigest(message)) return 'digest-reply';
  return isFromMe(message, me) ? 'outgoing' : 'inbound';
}
