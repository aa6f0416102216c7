// Local mail for the commands that read files (extract, explain, eval): read, parse, and report failures
// one line each without stopping.
import { errorMessage, FollowthruError } from '../errors.js';
import { offsetOfZone } from '../calendar/index.js';
import { parseMessage } from '../parse/mailparser.js';
import { readLocalMail } from '../source/local.js';
import type { Message } from '../types.js';

export type ParsedFile = { file: string; message: Message } | { file: string; error: string };

/** "file:/x/y.eml" → "/x/y.eml"; "mbox:/x/all.mbox#12" → "/x/all.mbox#12". */
export const fileOf = (origin: string): string => origin.replace(/^[a-z]+:/, '');

/** With a zone given, due dates are read in that zone instead of the Date header's offset. */
function inZone(message: Message, timeZone: string | undefined): Message {
  if (!timeZone || !message.date) return message;
  return { ...message, tzOffsetMinutes: offsetOfZone(message.date, timeZone) };
}

export async function* parsedMail(paths: string[], timeZone?: string): AsyncGenerator<ParsedFile> {
  for await (const item of readLocalMail(paths)) {
    if ('error' in item) {
      yield { file: fileOf(item.origin), error: item.error };
      continue;
    }
    try {
      yield { file: fileOf(item.origin), message: inZone(await parseMessage(item), timeZone) };
    } catch (error) {
      yield { file: fileOf(item.origin), error: errorMessage(error) };
    }
  }
}

export function checkZone(timeZone: unknown): string | undefined {
  if (timeZone === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: String(timeZone) });
    return String(timeZone);
  } catch {
    throw new FollowthruError(
      'EUSAGE',
      `--tz: '${String(timeZone)}' is not an IANA time zone (for example Europe/Paris)`,
    );
  }
}
