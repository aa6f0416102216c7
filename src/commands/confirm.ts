// The confirmation after a reply to a digest: what was understood, item by item, and what was not. Pure.
import type { Confirmation } from '../ingest/batch.js';

export function confirmationFor(results: readonly string[], choices: readonly string[], replyId: string | null, subject: string): Confirmation {
  const lines = results.length ? results.map((r) => `- ${r}`) : ['- nothing: no command was found in your reply'];
  const help = choices.length && results.some((r) => r.startsWith('not understood')) ? ['', 'The items of that digest:', ...choices.map((c) => `  ${c}`)] : [];
  return {
    subject: `Re: ${subject.replace(/^(re:\s*)+/i, '')}`,
    text: `followthru read your reply:\n\n${lines.join('\n')}\n${help.join('\n')}\n\nReply to the digest again to change anything ("reopen 2", "snooze 3 monday").\n`,
    inReplyTo: replyId,
  };
}
