// The digest's token: an HMAC of its id under a secret kept in the store. A reply proves which digest it
// answers by carrying the token in In-Reply-To/References; a forged or guessed one does not verify.
import { createHmac, timingSafeEqual } from 'node:crypto';

export function digestToken(secret: string, digestId: number): string {
  const mac = createHmac('sha256', secret).update(`followthru-digest:${digestId}`).digest('hex');
  return `${digestId.toString(36)}x${mac.slice(0, 24)}`;
}

/** The digest id the token claims, if its MAC is right. */
export function verifyDigestToken(secret: string, token: string): number | null {
  const match = /^([0-9a-z]+)x([0-9a-f]{24})$/.exec(token);
  if (!match?.[1]) return null;
  const id = Number.parseInt(match[1], 36);
  const expected = Buffer.from(digestToken(secret, id));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given) ? id : null;
}

/**
 * The X-Followthru-Digest mark of a mail followthru sends that is not a digest (a confirmation): an HMAC of its
 * Message-ID, so a stranger cannot write a header that hides their mail from tracking.
 */
export function mailMark(secret: string, messageId: string): string {
  return `m${createHmac('sha256', secret).update(`followthru-mark:${messageId}`).digest('hex').slice(0, 24)}`;
}

export function verifyMailMark(secret: string, mark: string, messageId: string | null): boolean {
  if (messageId === null || !/^m[0-9a-f]{24}$/.test(mark)) return false;
  return timingSafeEqual(Buffer.from(mailMark(secret, messageId)), Buffer.from(mark));
}

export function digestMessageId(token: string, domain: string): string {
  return `followthru.${token}@${domain}`;
}

/** The token in the first followthru Message-ID among `ids` (In-Reply-To first, then References newest first). */
export function tokenFromIds(ids: readonly (string | null)[]): string | null {
  for (const id of ids) {
    const match = id ? /^followthru\.([0-9a-z]+x[0-9a-f]{24})@/.exec(id) : null;
    if (match?.[1]) return match[1];
  }
  return null;
}
