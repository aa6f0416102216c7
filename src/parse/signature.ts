// Signatures without a "-- " separator: a sign-off ("Thanks,", "Best,") with only a short name/title/phone block
// after it, or a trailing block that starts with a name line and holds only contact lines. Pure; each returns
// the line where the signature starts, or null. Neither ever cuts the whole text away.
import { SEPARATOR_ONLY } from './reply-patterns.js';

const SIGN_OFF = new RegExp(
  '^\\s*(?:thanks|thank you|many thanks|thanks again|thanks so much|thx|best|best regards|kind regards|warm regards|' +
    'warmest regards|regards|cheers|sincerely|yours|yours truly|all the best|talk soon|take care|br|' +
    'cordialement|bien à vous|merci|mit freundlichen grüßen|viele grüße|beste grüße|lg|saludos|un saludo|' +
    'atenciosamente|abraços|grazie|cordiali saluti|saluti|met vriendelijke groet|groeten|mvg|hälsningar|' +
    'med vänliga hälsningar|hilsen|med venlig hilsen)' +
    '\\s*[,.!]?(?:\\s+[A-Z]{1,3}\\.?)?(?:\\s*[\\p{Extended_Pictographic}\\u{FE0F}])*\\s*$',
  'iu',
);
/** "Diane", "Carole C. Frank", "-Abhishek Kona", "Barry Tycholiz - 713-853-1587.", "Your pal, Craig." */
const NAME_LINE =
  /^\s*(?:[-–—~]\s?)?(?:your \w+, )?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\.?(?:\s*-\s*[\d().x -]{7,}\.?)?\s*$/;
const NOT_A_NAME =
  /^\s*(?:done|sure|yes|no|ok|okay|great|agreed|perfect|fine|noted|confirmed|will do|thanks|hi|hello|by|on|at|in|for|to|see|call|will|let|please|sounds|the|a|an|my|our|it|this|that|i|we|you)\b/i;
const CONTACT_LINE = /\d{3}|@|www\.|https?:|^\s*x-?\d|^\s*(?:phone|fax|cell|mobile|tel|email|e-mail)\b/i;

/**
 * A line a signature is made of: a phone, an address, a separator, or a short title-case line ("Vendor
 * Management", "CEO at Pandaland"). "I'll send it Friday" is not one: most of its words are lower case.
 */
export function isSignatureLine(line: string): boolean {
  const text = line.trim();
  if (CONTACT_LINE.test(text) || SEPARATOR_ONLY.test(text)) return true;
  if (text.length > 60 || /[.?!]$/.test(text)) return false;
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  return words.length > 0 && capitalised / words.length >= 0.6;
}

const blank = (line: string | undefined): boolean => (line ?? '').trim() === '';
const hasTextBefore = (lines: readonly string[], i: number): boolean => lines.slice(0, i).some((l) => !blank(l));

/** A sign-off within the last ten lines, followed by at most six short lines (name, title, company, phone). */
export function signOffLine(lines: readonly string[]): number | null {
  const last = lines.length - 1;
  for (let i = last; i >= 0 && i >= last - 10; i--) {
    if (!SIGN_OFF.test(lines[i] ?? '')) continue;
    const after = lines.slice(i + 1).filter((line) => !blank(line));
    if (after.length <= 8 && after.every(isSignatureLine)) return hasTextBefore(lines, i) ? i : null;
  }
  return null;
}

/**
 * A trailing block of at most ten lines that starts with a name line and holds only signature lines (title,
 * company, phone, address). The topmost such name line wins, so "Carolyn Graham\nVendor Management" goes whole.
 */
export function contactBlockLine(lines: readonly string[]): number | null {
  let end = lines.length;
  while (end > 0 && blank(lines[end - 1])) end--;
  let start: number | null = null;
  for (let i = end - 1; i >= 1 && i >= end - 10; i--) {
    const line = lines[i] ?? '';
    if (blank(line)) continue;
    if (NAME_LINE.test(line) && !NOT_A_NAME.test(line) && hasTextBefore(lines, i)) start = i;
    else if (!isSignatureLine(line)) break;
  }
  return start;
}

/** Blank lines and bare separators ("-----", "=====") left at the end once the old mail is cut away. */
export function trimTrailingSeparators(lines: readonly string[]): number {
  let end = lines.length;
  while (end > 0 && (blank(lines[end - 1]) || SEPARATOR_ONLY.test(lines[end - 1] ?? ''))) end--;
  return end;
}
