// The HTML digest: one centred table, inline styles (Gmail drops <style> in some views), system fonts, a
// width that fits a phone, and colours that read in light and dark mode. Every string from mail is escaped. Pure.
import type { Digest, DigestLine } from '../types.js';
import { escapeHtml, printable } from './escape.js';
import { COMMAND_HELP, HELP_INTRO } from './help.js';
import { SECTIONS } from './sections.js';

const darkAccents = Object.entries(SECTIONS)
  .map(
    ([section, { darkAccent: colour }]) =>
      `  .ft-${section} { color:${colour} !important; }\n  .ft-b-${section} { border-color:${colour} !important; }`,
  )
  .join('\n');
/** Every string shown goes through here: printable (no controls, no bidi, one line), then escaped. */
const e = (text: string): string => escapeHtml(printable(text));
const FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function lineHtml(line: DigestLine): string {
  const small = 'font-size:13px;color:#5f6b7a;margin:2px 0 0';
  const rows = [
    `<p style="margin:0;font-size:15px;line-height:1.45"><b class="ft-${line.section}" style="color:${SECTIONS[line.section].accent}">${line.number}.</b> ${line.account ? `<span class="ft-muted" style="font-size:12px;color:#5f6b7a">[${e(line.account)}]</span> ` : ''}“${e(line.quote)}”</p>`,
    `<p class="ft-muted" style="${small}">${line.received ? 'from' : 'to'} ${e(line.who)} · “${e(line.subject)}” · ${line.received ? 'received' : 'sent'} ${e(line.sent)}</p>`,
    line.due ? `<p class="ft-muted" style="${small}">${e(line.due)}</p>` : '',
    line.evidence ? `<p class="ft-muted" style="${small}">evidence: ${e(line.evidence)}</p>` : '',
    `<p style="margin:4px 0 0;font-size:14px">→ ${e(line.next)}</p>`,
    line.suggestion
      ? `<p class="ft-quote ft-b-${line.section}" style="margin:6px 0 0;padding:8px 10px;border-left:3px solid ${SECTIONS[line.section].accent};background:#f4f6f8;font-size:14px;line-height:1.45">${e(line.suggestion)}</p>`
      : '',
  ];
  return `<tr><td style="padding:10px 0;border-bottom:1px solid #e5e8eb">${rows.join('')}</td></tr>`;
}

export function renderHtml(digest: Digest): string {
  const sections = digest.sections
    .map(
      (s) =>
        `<tr><td style="padding:18px 0 4px"><h2 class="ft-${s.section}" style="margin:0;font-size:13px;letter-spacing:.06em;text-transform:uppercase;color:${SECTIONS[s.section].accent}">${e(s.title)} (${s.lines.length})</h2></td></tr>${s.lines.map(lineHtml).join('')}`,
    )
    .join('');
  const more =
    digest.more > 0
      ? `<tr><td style="padding:12px 0;font-size:14px">…and ${digest.more} more (<code>followthru list</code> shows them all).</td></tr>`
      : '';
  const summary = (digest.summary ?? [])
    .map((line) => `<tr><td style="padding:2px 0;font-size:14px;line-height:1.45">${e(line)}</td></tr>`)
    .join('');
  const help = COMMAND_HELP.map(
    ([cmd, what]) => `<li><code style="font-size:13px">${e(cmd)}</code> — ${e(what)}</li>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="color-scheme" content="light dark"><meta name="supported-color-schemes" content="light dark">
<title>${e(digest.subject)}</title>
<style>
@media (prefers-color-scheme: dark) {
  body, .ft-body { background:#16191d !important; color:#e6e9ec !important; }
  .ft-muted { color:#a3adb8 !important; }
  .ft-quote { background:#23282e !important; }
${darkAccents}
}
</style></head>
<body class="ft-body" style="margin:0;padding:0;background:#ffffff;color:#1c2430;font-family:${FONT}">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="border-collapse:collapse"><tr><td align="center" style="padding:16px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:600px;border-collapse:collapse">
<tr><td><h1 style="margin:0;font-size:20px">${e(digest.subject)}</h1></td></tr>
${summary}${sections}${more}
<tr><td class="ft-muted" style="padding:20px 0 0;font-size:13px;color:#5f6b7a">${e(HELP_INTRO)}<ul style="padding-left:18px;margin:6px 0">${help}</ul></td></tr>
</table></td></tr></table></body></html>
`;
}
