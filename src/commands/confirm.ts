// The confirmation after a reply to a digest: what was understood, item by item, and what was not. Pure.
// It stays short whatever the reply holds: a 480 KB reply once produced a 6.4 MB confirmation.
import { printable } from '../digest/escape.js';
import type { Confirmation } from '../types.js';

/** Lines of the user's reply quoted back as "not understood": a few show what went wrong, more is noise. */
export const MAX_QUOTED_LINES = 5;
/** Result lines in all; a digest has few items, so more than this are repeats of the same few commands. */
export const MAX_RESULT_LINES = 30;
const MAX_LINE_CHARS = 160;

const cut = (line: string): string => (line.length > MAX_LINE_CHARS ? `${line.slice(0, MAX_LINE_CHARS - 1)}…` : line);

/** Each distinct result once, in order, one line each; quotes of the reply and the total capped, the rest counted. */
function resultLines(results: readonly string[]): string[] {
  const lines: string[] = [];
  let quoted = 0;
  let unread = 0;
  let unlisted = 0;
  for (const result of new Set(results)) {
    const quote = result.startsWith('not understood');
    if (quote && quoted >= MAX_QUOTED_LINES) unread++;
    else if (lines.length >= MAX_RESULT_LINES) unlisted++;
    else {
      if (quote) quoted++;
      lines.push(`- ${cut(printable(result))}`);
    }
  }
  if (unread) lines.push(`- …and ${unread} more lines of your reply not understood`);
  if (unlisted) lines.push(`- …and ${unlisted} more results`);
  return lines;
}

export function confirmationFor(
  results: readonly string[],
  choices: readonly string[],
  replyId: string | null,
  subject: string,
): Confirmation {
  const lines = results.length ? resultLines(results) : ['- nothing: no command was found in your reply'];
  const help =
    choices.length && results.some((r) => r.startsWith('not understood'))
      ? ['', 'The items of that digest:', ...choices.map((c) => `  ${printable(c)}`)]
      : [];
  return {
    subject: `Re: ${subject.replace(/^(re:\s*)+/i, '')}`,
    text: `followthru read your reply:\n\n${lines.join('\n')}\n${help.join('\n')}\n\nReply to the digest again to change anything ("reopen 2", "snooze 3 monday").\n`,
    inReplyTo: replyId,
  };
}
