// A batch's raw mails parsed, each to a Message or to the reason it cannot be read: one unreadable mail is
// recorded and skipped by the batch, never allowed to stop it.
import { errorMessage } from '../errors.js';
import { parseMessage } from '../parse/mailparser.js';
import type { Message, RawMessage } from '../types.js';

export type Parsed = { raw: RawMessage; message: Message } | { raw: RawMessage; error: string };

/** What names a mail that could not be parsed, across runs: its folder position, or its origin. */
export function rawKey(raw: RawMessage): string {
  return raw.uid !== undefined ? `${raw.mailbox}:${raw.uidValidity ?? ''}:${raw.uid}` : raw.origin;
}

/** Why a mail is not even handed to the parser (the source left its body out), or null to parse it. */
export function unreadable(raw: RawMessage): string | null {
  return raw.tooLarge !== undefined ? `too large to read (${raw.tooLarge} bytes, above imap.maxMessageBytes)` : null;
}

export async function parseAll(raws: readonly RawMessage[]): Promise<Parsed[]> {
  const parsed: Parsed[] = [];
  for (const raw of raws) {
    const error = unreadable(raw);
    if (error !== null) {
      parsed.push({ raw, error });
      continue;
    }
    try {
      parsed.push({ raw, message: await parseMessage(raw) });
    } catch (error) {
      parsed.push({ raw, error: errorMessage(error) });
    }
  }
  return parsed;
}
