// Everything that came from mail is text, never markup or layout: a subject with <script> shows as "<script>",
// a display name with encoded line breaks stays on its line, and no character reaches a terminal as a command.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

/** Line and field breaks: CR, LF, tab, VT, FF, NEL, LINE and PARAGRAPH SEPARATOR. They become one space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
/**
 * What is dropped: the other C0 controls and DEL, the C1 controls (U+009B is a terminal's CSI), and the bidi
 * controls that make text read in another order than it is stored (U+202E shows "exe.txt" as "txt.exe").
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSHOWN = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A field from mail as every renderer shows it (the text and HTML digest, `list`, `.ics`): one line, control
 * and bidi characters removed, the spaces a removed line break leaves collapsed.
 */
export function printable(text: string): string {
  return text.replace(BREAKS, ' ').replace(UNSHOWN, '').replace(/ {2,}/g, ' ').trim();
}

/**
 * JSON for a terminal (`list --json`): the data as it is, but what printable() removes is written as \u
 * escapes. JSON.stringify escapes C0 controls itself and leaves DEL, C1, bidi and NEL/U+2028/U+2029 raw.
 */
export function terminalJson(value: unknown): string {
  const escape = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return JSON.stringify(value, null, 2)
    .replace(UNSHOWN, escape)
    .replace(/[\u0085\u2028\u2029]/g, escape);
}
