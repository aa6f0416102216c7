// Where a parsed mail goes next (the "route" box of the pipeline), and what ingest then does with it. Pure:
// whether a token is ours is a function of the store's secret, passed in.
import { tokenFromIds, verifyDigestToken, verifyMailMark } from '../digest/token.js';
import { offsetOfZone } from '../calendar/index.js';
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

/** The routing of one store's batch, its folder left to each mail: a token or mark is ours when made with `secret`. */
export function routingFor(
  me: readonly string[],
  sentFolder: string | null,
  secret: string,
): Omit<RouteContext, 'mailbox'> {
  return {
    me,
    sentFolder,
    isOurToken: (token) => verifyDigestToken(secret, token) !== null,
    isOurMark: (mark, messageId) => verifyMailMark(secret, mark, messageId),
  };
}

/** The thread a digest or a reply to one is stored in: the digest's own, when the store knows the mail it answers. */
export function storedThreadOf(message: Message, known: ReadonlyMap<string, string>): string {
  return known.get(message.inReplyTo ?? '') ?? message.id;
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

/** What ingest does with a mail once routed: one decision, for the batch loop and the pool's look-ahead alike. */
export type Handling =
  /** From the user outside Sent: not stored either, so the real copy in Sent, if any, is read as the user's own. */
  | { kind: 'ignore' }
  /** A digest of ours, or a reply to one: stored for its thread, never extracted; a reply's commands are obeyed. */
  | { kind: 'store'; obey: boolean }
  /** Extracted and tracked: `input` is the mail as extraction reads it. */
  | { kind: 'track'; direction: 'sent' | 'received'; input: Message };

/**
 * The user's own mail is read in the user's zone ("Friday" is their Friday); others' in the sender's. A mail
 * with no (believable) date is read from `now`, when followthru first sees it: the instant its items are
 * dated by too, rather than from 1970.
 */
export function handlingOf(message: Message, ctx: RouteContext, timeZone: string, now: Date): Handling {
  const route = routeMessage(message, ctx);
  if (route === 'not-sent') return { kind: 'ignore' };
  if (route === 'own-digest' || route === 'digest-reply') return { kind: 'store', obey: route === 'digest-reply' };
  const dated = message.date ? message : { ...message, date: now };
  if (route === 'inbound') return { kind: 'track', direction: 'received', input: dated };
  const input = { ...dated, tzOffsetMinutes: offsetOfZone(dated.date ?? now, timeZone) };
  return { kind: 'track', direction: 'sent', input };
}
