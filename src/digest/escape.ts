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
