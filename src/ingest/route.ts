// Where a parsed mail goes next (the "route" box of the pipeline). Pure: whether a token is ours is a
// function of the store's secret, passed in.
import { tokenFromIds } from '../digest/token.js';
import { isFromMe } from '../track/who.js';
import type { Message } from '../types.js';

export type Route =
  /** A digest or confirmation followthru sent: Gmail files SMTP-sent mail into Sent, IMAP delivery puts it in INBOX. */
  | 'own-digest'
  /** The user answering a digest: commands, never promises. Whether it is really the owner is checked later. */
  | 'digest-reply'
  | 'outgoing'
  /** From one of the user's addresses but not in Sent: anyone can write that From. Not read, not stored. */
  | 'not-sent'
  | 'inbound';

export interface RouteContext {
  me: readonly string[];
  /** The folder this mail was seen in. */
  mailbox: string;
  /** The folder mail the user sent is read from; null for local files, where the From decides. */
  sentFolder: string | null;
  /** Whether a digest token (In-Reply-To/References, X-Followthru-Digest) is one this store issued. */
  isOurToken(token: string): boolean;
  /** Whether an X-Followthru-Digest mark was issued by this store for the mail with this Message-ID. */
  isOurMark(mark: string, messageId: string | null): boolean;
}

/** A reply to a digest this store sent: the token in In-Reply-To/References must verify, not just look right. */
export function pointsAtDigest(message: Message, isOurToken: RouteContext['isOurToken']): boolean {
  const token = tokenFromIds([message.inReplyTo, ...[...message.references].reverse()]);
  return token !== null && isOurToken(token);
}

export function routeMessage(message: Message, ctx: RouteContext): Route {
  // A bare header is anyone's to write: only a mark made with the store's secret says the mail is ours.
  const mark = message.headers['x-followthru-digest'];
  if (mark !== undefined && (ctx.isOurToken(mark) || ctx.isOurMark(mark, message.messageId))) return 'own-digest';
  if (pointsAtDigest(message, ctx.isOurToken)) return 'digest-reply';
  if (!isFromMe(message, ctx.me)) return 'inbound';
  return ctx.sentFolder === null || ctx.mailbox === ctx.sentFolder ? 'outgoing' : 'not-sent';
}
