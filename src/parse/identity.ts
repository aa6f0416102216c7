// Which mail is this? The Message-ID when there is one, else a hash of what does not change when the same
// mail is seen again under another UID or in another folder.
import { createHash } from 'node:crypto';

/** No real Message-ID comes near a header line's limit (RFC 5322: 998); a longer one is junk, not identity. */
const MAX_ID_LENGTH = 998;

/**
 * "<abc@x>" → "abc@x"; "<abc@x> (comment)" → "abc@x"; empty, blank or absurdly long → null. Keeps case:
 * Message-IDs are case-sensitive on the left.
 */
export function normaliseMessageId(value: string | null | undefined): string | null {
  const text = (value ?? '').trim();
  const bracketed = /<([^<>]*)>/.exec(text)?.[1];
  const id = (bracketed ?? text.replace(/^<+/, '').replace(/>+$/, '')).trim();
  return id === '' || id.length > MAX_ID_LENGTH ? null : id;
}

/** Every <id> in a References or In-Reply-To header, oldest first. */
export function messageIdList(value: string | string[] | null | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const bracketed = text.match(/<[^<>\s]+>/g);
  const ids = bracketed ?? text.split(/\s+/);
  const normalised = ids.map(normaliseMessageId).filter((id): id is string => id !== null);
  return [...new Set(normalised)];
}

/**
 * What one mail may contribute to threading. A thread is found by In-Reply-To and the newest References; the
 * first one names the thread's root. Thousands of ids are an attack (one header once held more ids than SQLite
 * allows variables in a statement), never a conversation.
 */
export const MAX_REFERENCES = 50;

/** The References header's ids, oldest first, capped like Usenet's RFC 5537 trims them: the root, then the newest. */
export function referenceList(value: string | string[] | null | undefined): string[] {
  const ids = messageIdList(value);
  if (ids.length <= MAX_REFERENCES) return ids;
  return [ids[0] as string, ...ids.slice(ids.length - (MAX_REFERENCES - 1))];
}

export interface StableParts {
  from: string;
  to: string;
  date: string;
  subject: string;
  body: string;
}

/** "sha256:<hex>" over the sender, recipients, date, subject and whitespace-collapsed body. */
export function stableId(parts: StableParts): string {
  const hash = createHash('sha256');
  for (const part of [parts.from, parts.to, parts.date, parts.subject, parts.body.replace(/\s+/g, ' ').trim()]) {
    hash.update(part).update('\u0000');
  }
  return `sha256:${hash.digest('hex')}`;
}
