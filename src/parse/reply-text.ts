// Only the sender's new text: quoted replies, forwarded mail, signatures and disclaimers go. Pure.
//
// Two passes. First, quoted lines ("> ...") and "On ... wrote:" attributions are removed wherever they are,
// so a bottom-posted or interleaved answer keeps the user's own lines. Then an ordered list of cut detectors
// runs over what is left; the earliest line any of them marks ends the new text (everything after it is an
// earlier mail, a forward, a signature or a disclaimer). Each detector has an id for `explain`.

export interface ReplySplit {
  newText: string;
  /** The detector that ended the new text, or null when nothing was cut. */
  cutBy: string | null;
  /** 0-based line of the normalised body where the cut happened. */
  cutAtLine: number | null;
}

interface CutDetector {
  id: string;
  /** Does the old/quoted part start at line i? */
  test(lines: readonly string[], i: number): boolean;
}

const within = (lines: readonly string[], from: number, count: number, re: RegExp): boolean =>
  lines.slice(from, from + count).some((line) => re.test(line));

/** "On Tue, 3 Nov 2026, Ann <a@x> wrote:" and its translations, possibly wrapped over two lines. */
const ATTRIBUTION =
  /^\s*(on|am|le|el|il|op|em|den|på|w dniu|dne)\b.{0,200}\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev|napisał|napsal)\b.{0,120}:\s*$/i;
const ATTRIBUTION_END = /\b(wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu|skrev)\s*:\s*$/i;
const HEADER_FROM = /^\s*\*?(from|de|von|van|da|från|fra)\s*:\*?\s*\S/i;
const HEADER_OTHER = /^\s*\*?(sent|date|envoyé|gesendet|enviado|datum|to|à|an|para|subject|objet|betreff|asunto|cc)\s*:/i;
const LOTUS_STAMP = /\bon \d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(:\d{2})? ?[AP]M\b/i;
const BARE_STAMP = /^\s*\d{1,2}\/\d{1,2}\/\d{2,4},? \d{1,2}:\d{2}(:\d{2})? ?([AP]M)?\s*$/i;
const SIGN_OFF =
  /^\s*(thanks|thank you|many thanks|thanks again|thx|best|best regards|kind regards|warm regards|regards|cheers|sincerely|yours|all the best|talk soon|take care|br)\s*[,.!]?(\s+[A-Z]{1,3}\.?)?\s*$/i;
/** "Diane", "Carole C. Frank", "Barry Tycholiz - 713-853-1587.", "Your pal, Craig." */
const NAME_LINE = /^\s*(your \w+, )?[A-Z][\w.'-]*(\s+[A-Z][\w.'-]*){0,3}\.?(\s*-\s*[\d().x -]{7,}\.?)?\s*$/;
const NOT_A_NAME = /^\s*(done|sure|yes|no|ok|okay|great|agreed|perfect|fine|noted|confirmed|will do|thanks|hi|hello|by|on|at|in|for|to|see|call|will|let|please|sounds|the|a|an|my|our|it|this|that|i|we|you)\b/i;
const CONTACT_LINE = /\d{3}|@|^\s*x-?\d|^\s*(phone|fax|cell|mobile|tel|email|e-mail)\b|^[^.?!]{0,45}$/i;

const DETECTORS: readonly CutDetector[] = [
  { id: 'outlook-original-message', test: (l, i) => /^\s*-{2,}\s*(original message|ursprüngliche nachricht|message d'origine|mensaje original|messaggio originale|oorspronkelijk bericht)\s*-{2,}/i.test(l[i] ?? '') },
  { id: 'forwarded', test: (l, i) => /-{3,}\s*forwarded by\b|^\s*-{3,}\s*forwarded message\s*-{3,}|^\s*begin forwarded message:/i.test(l[i] ?? '') },
  { id: 'outlook-rule', test: (l, i) => /^\s*_{10,}\s*$/.test(l[i] ?? '') && within(l, i + 1, 3, HEADER_FROM) },
  { id: 'header-block', test: (l, i) => HEADER_FROM.test(l[i] ?? '') && within(l, i + 1, 4, HEADER_OTHER) },
  { id: 'lotus-stamp', test: (l, i) => LOTUS_STAMP.test(l[i] ?? '') && within(l, i, 4, /^\s*(to|cc)\s*:/i) },
  // "Jeff Dasovich\n05/10/2001 01:26 PM\nTo: ..." — the name line above the stamp starts the old mail.
  { id: 'lotus-name-stamp', test: (l, i) => /\S/.test(l[i] ?? '') && BARE_STAMP.test(l[i + 1] ?? '') && within(l, i + 2, 3, /^\s*(to|cc)\s*:/i) },
  { id: 'lotus-to-cc', test: (l, i) => /^\s*to:\s*\S/i.test(l[i] ?? '') && within(l, i + 1, 3, /^\s*cc:/i) && within(l, i + 1, 5, /^\s*subject:/i) },
  { id: 'signature-dashes', test: (l, i) => /^-- ?$/.test(l[i] ?? '') },
  { id: 'mobile-signature', test: (l, i) => /^\s*(sent from my \w+|sent from (outlook|mail|yahoo mail)|get outlook for \w+)/i.test(l[i] ?? '') },
  { id: 'disclaimer', test: (l, i) => /^\s*(\*{10,}|={10,}|confidentiality notice|this (e-?mail|message|communication)( and any attachments?)? (is|are|contains?|may contain)|the information (contained )?in this (e-?mail|message))/i.test(l[i] ?? '') && within(l, i, 4, /confidential|intended (solely )?(only )?for|property of|privileged/i) },
];

/** A sign-off near the end with only a short name/title/phone block after it starts the signature. */
function signOffLine(lines: readonly string[]): number | null {
  const last = lines.length - 1;
  for (let i = last; i >= 0 && i >= last - 10; i--) {
    if (!SIGN_OFF.test(lines[i] ?? '')) continue;
    const after = lines.slice(i + 1).filter((line) => line.trim() !== '');
    if (after.length <= 6 && after.every((line) => (line.trim().length <= 60 && !/[.?!]\s*$/.test(line.trim())) || /\d{3}/.test(line))) return i;
  }
  return null;
}

/**
 * A trailing block that starts with a name line and holds only a title, company, phone or address: the
 * signature of a mail with no sign-off ("Diane\nx-37059"). Never the whole text.
 */
function contactBlockLine(lines: readonly string[]): number | null {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  for (let i = end - 1; i >= 1 && i >= end - 8; i--) {
    const line = lines[i] ?? '';
    const startsBlock = NAME_LINE.test(line) && !NOT_A_NAME.test(line);
    if (startsBlock && lines.slice(i + 1, end).every((l) => l.trim() === '' || CONTACT_LINE.test(l))) {
      return lines.slice(0, i).some((l) => l.trim() !== '') ? i : null;
    }
    if (line.trim() === '' || !CONTACT_LINE.test(line)) return null;
  }
  return null;
}

function withoutQuotes(lines: readonly string[]): { kept: { text: string; at: number }[]; firstQuote: number | null } {
  const kept: { text: string; at: number }[] = [];
  let firstQuote: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const attribution = ATTRIBUTION.test(line) || (/^\s*on\b/i.test(line) && !/[.?!]\s*$/.test(line) && ATTRIBUTION_END.test(lines[i + 1] ?? ''));
    if (/^\s*>/.test(line) || attribution) {
      firstQuote ??= i;
      if (attribution && !ATTRIBUTION.test(line)) i++; // the wrapped second half
      continue;
    }
    kept.push({ text: line, at: i });
  }
  return { kept, firstQuote };
}

export function splitReply(body: string): ReplySplit {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const { kept, firstQuote } = withoutQuotes(lines);
  const texts = kept.map((k) => k.text);
  let cut: { at: number; by: string } | null = null;
  for (let i = 0; i < texts.length && !cut; i++) {
    const hit = DETECTORS.find((d) => d.test(texts, i));
    if (hit) cut = { at: i, by: hit.id };
  }
  let end = cut ? cut.at : texts.length;
  const signOff = signOffLine(texts.slice(0, end));
  if (signOff !== null) cut = { at: signOff, by: 'sign-off' };
  end = cut ? cut.at : texts.length;
  const contact = contactBlockLine(texts.slice(0, end));
  if (contact !== null) cut = { at: contact, by: 'contact-block' };
  end = cut ? cut.at : texts.length;
  const newText = texts.slice(0, end).join('\n').replace(/\n{3,}/g, '\n\n').trim();
  if (cut) return { newText, cutBy: cut.by, cutAtLine: kept[cut.at]?.at ?? null };
  return { newText, cutBy: firstQuote === null ? null : 'quote', cutAtLine: firstQuote };
}

export function newTextOf(body: string): string {
  return splitReply(body).newText;
}
