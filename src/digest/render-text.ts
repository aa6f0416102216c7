// The plain-text digest: complete on its own, readable in any client and on a phone. Pure.
import type { Digest, DigestLine } from '../types.js';
import { COMMAND_HELP, HELP_INTRO } from './help.js';

function lineText(line: DigestLine): string[] {
  const origin = line.received ? `from ${line.who} · "${line.subject}" · received ${line.sent}` : `to ${line.who} · "${line.subject}" · sent ${line.sent}`;
  const out = [`${line.number}. "${line.quote}"`, `   ${origin}`];
  if (line.due) out.push(`   ${line.due}`);
  if (line.evidence) out.push(`   evidence: ${line.evidence}`);
  out.push(`   → ${line.next}`);
  if (line.suggestion) out.push(`   suggested: ${line.suggestion}`);
  return out;
}

export function renderText(digest: Digest): string {
  const out: string[] = [];
  for (const section of digest.sections) {
    out.push(`${section.title.toUpperCase()} (${section.lines.length})`, '');
    for (const line of section.lines) out.push(...lineText(line), '');
  }
  if (digest.more > 0) out.push(`…and ${digest.more} more (followthru list shows them all).`, '');
  out.push('--', HELP_INTRO, ...COMMAND_HELP.map(([cmd, what]) => `  ${cmd.padEnd(16)} ${what}`));
  return `${out.join('\n')}\n`;
}
