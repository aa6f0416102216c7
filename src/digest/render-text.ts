// The plain-text digest: complete on its own, readable in any client and on a phone. Pure.
import type { Digest, DigestLine } from '../types.js';
import { printable as p } from './escape.js';
import { COMMAND_HELP, HELP_INTRO } from './help.js';

/** Each field through printable(): a display name with line breaks in it cannot add lines of its own. */
function lineText(line: DigestLine): string[] {
  const label = line.account ? `[${p(line.account)}] ` : '';
  const origin = line.received
    ? `from ${p(line.who)} · "${p(line.subject)}" · received ${p(line.sent)}`
    : `to ${p(line.who)} · "${p(line.subject)}" · sent ${p(line.sent)}`;
  const out = [`${line.number}. ${label}"${p(line.quote)}"`, `   ${origin}`];
  if (line.due) out.push(`   ${p(line.due)}`);
  if (line.evidence) out.push(`   evidence: ${p(line.evidence)}`);
  out.push(`   → ${p(line.next)}`);
  if (line.suggestion) out.push(`   suggested: ${p(line.suggestion)}`);
  return out;
}

export function renderText(digest: Digest): string {
  const out: string[] = [];
  if (digest.summary?.length) out.push(...digest.summary.map(p), '');
  for (const section of digest.sections) {
    out.push(`${section.title.toUpperCase()} (${section.lines.length})`, '');
    for (const line of section.lines) out.push(...lineText(line), '');
  }
  if (digest.more > 0) out.push(`…and ${digest.more} more (followthru list shows them all).`, '');
  out.push('--', HELP_INTRO, ...COMMAND_HELP.map(([cmd, what]) => `  ${cmd.padEnd(16)} ${what}`));
  return `${out.join('\n')}\n`;
}
