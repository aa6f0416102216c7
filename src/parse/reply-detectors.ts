// Cut detectors: each says whether an earlier mail, a forward, a signature or a disclaimer starts at line i.
// reply-text.ts runs them in this order over the unquoted lines; the earliest line any of them marks ends the
// new text. A detector never throws and looks at most a few lines ahead, so a huge body stays linear.
import * as P from './reply-patterns.js';

export interface CutDetector {
  id: string;
  /** One line for `explain`: what this detector recognises. */
  why: string;
  test(lines: readonly string[], i: number): boolean;
}

const at = (lines: readonly string[], i: number): string => lines[i] ?? '';
const within = (lines: readonly string[], from: number, count: number, re: RegExp): boolean =>
  lines.slice(from, from + count).some((line) => re.test(line));
/** The nearest non-blank line above line i, within three lines ("" when none). */
function previousLine(lines: readonly string[], i: number): string {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (/\S/.test(at(lines, k))) return at(lines, k);
  return '';
}
/** Attribution lines are short; anything longer is prose (and a regex over it would cost too much). */
const MAX_ATTRIBUTION = 320;

/**
 * How many lines (1–3) an attribution starting at line i spans, or 0. "On Tue, 3 Nov 2026, Ann <a@x> wrote:",
 * wrapped by clients over two or three lines; needs a digit or an address so "Here is what John wrote:" stays.
 */
export function attributionSpan(lines: readonly string[], i: number): number {
  const first = at(lines, i);
  if (first.trim() === '' || first.length > MAX_ATTRIBUTION || /^\s*>/.test(first)) return 0;
  const parts: string[] = [];
  for (let k = 0; k < 3 && i + k < lines.length; k++) {
    const line = at(lines, i + k).trim();
    if (k > 0 && (line === '' || /[.!?]$/.test(at(lines, i + k - 1).trim()))) return 0;
    parts.push(line);
    const joined = parts.join(' ');
    if (joined.length > MAX_ATTRIBUTION) return 0;
    // "Hi,\nOn ... wrote:" — the attribution starts on the next line, not here.
    if (isAttribution(joined)) return k > 0 && startsLater(parts.slice(1)) ? 0 : k + 1;
  }
  return 0;
}

/** Does an attribution start at the first of these lines ("On ...", "Le ...", "2014-03-20 ...")? */
function startsLater(parts: readonly string[]): boolean {
  return ATTRIBUTION_START.test(parts[0] ?? '') && isAttribution(parts.join(' '));
}
const ATTRIBUTION_START = /^(?:on|le|am|el|il|in data|op|em|den|w dniu|dnia|\d)/i;

/** "Frank Bailey wrote:" alone on its line: some clients name only the sender. Every word is capitalised and a
 * name ("Here is what John wrote:", "As I wrote:", "Yesterday Bob wrote:" stay). */
const NAME_WROTE =
  /^(?!(?:As|Yesterday|Earlier|Today|Here|Then|Also|Previously|Again|Someone|Everyone|Nobody)\b)"?[A-Z][\w.'-]+,?(?:\s+[A-Z][\w.'-]+){0,3}"?\s+wrote\s*:$/;

function isAttribution(text: string): boolean {
  const hasDigit = /\d/.test(text);
  const hasAddress = P.HAS_ADDRESS.test(text);
  if (P.ATTRIBUTION_END_COLON.test(text)) return hasDigit || hasAddress || NAME_WROTE.test(text);
  if (P.ATTRIBUTION_END.test(text)) return hasDigit && hasAddress;
  if (P.OPENER_VERB_COLON.test(text)) return hasDigit;
  return P.ADDRESS_THEN_COLON.test(text) && hasAddress && P.TIME_OF_DAY.test(text);
}

/** A header block: the line starts with a header name and at least three header lines sit within six lines. */
function headerBlock(lines: readonly string[], i: number): boolean {
  if (!P.HEADER_ANY.test(at(lines, i))) return false;
  const block = lines.slice(i, i + 6).filter((line) => P.HEADER_ANY.test(line));
  return block.length >= 3 && block.some((line) => P.HEADER_FROM.test(line) || /^\s*\*?(?:to|subject)\s*:/i.test(line));
}

/** "From: foo@example.com <foo@example.com>" set apart by blank lines: a client's minimal quote header. */
function loneFrom(lines: readonly string[], i: number): boolean {
  const line = at(lines, i);
  return (
    line.length < 160 &&
    P.HEADER_FROM.test(line) &&
    P.HAS_ADDRESS.test(line) &&
    (i === 0 || at(lines, i - 1).trim() === '') &&
    at(lines, i + 1).trim() === ''
  );
}

/** A sender line, not a sentence that happens to end in a stamp: no sentence ends before the stamp. */
function lotusStamp(lines: readonly string[], i: number): boolean {
  const match = P.LOTUS_STAMP.exec(at(lines, i));
  return (
    match !== null &&
    !/[a-z]{2,}[.!?]\s/.test(at(lines, i).slice(0, match.index)) &&
    within(lines, i + 1, 4, P.TO_OR_CC)
  );
}

export const DETECTORS: readonly CutDetector[] = [
  {
    id: 'attribution',
    why: '"On <date>, <name> wrote:" and its translations, not followed by > quotes',
    test: (l, i) => attributionSpan(l, i) > 0,
  },
  {
    id: 'outlook-original-message',
    why: '"-----Original Message-----" and translations',
    test: (l, i) => P.ORIGINAL_MESSAGE.test(at(l, i)),
  },
  {
    id: 'forwarded',
    why: 'Lotus "Forwarded by", Gmail "Forwarded message", Apple "Begin forwarded message:"',
    test: (l, i) => P.FORWARDED.test(at(l, i)),
  },
  {
    id: 'outlook-rule',
    why: 'a line of underscores with a From: header below',
    test: (l, i) => P.UNDERSCORE_RULE.test(at(l, i)) && within(l, i + 1, 3, P.HEADER_FROM),
  },
  {
    id: 'header-line',
    why: 'From:, Sent: and To: or Subject: of a quoted mail run together on one line',
    test: (l, i) => P.HEADER_LINE.test(at(l, i)),
  },
  {
    id: 'from-mailto',
    why: 'Outlook\'s "From: Name [mailto:address]" quote header, whatever follows it',
    test: (l, i) => P.FROM_MAILTO.test(at(l, i)),
  },
  {
    id: 'header-block',
    why: 'From:/Sent:/To:/Subject: (or De:/Von:/Van:…) header lines of a quoted mail',
    test: headerBlock,
  },
  { id: 'lone-from', why: 'a From: line with an address standing alone between blank lines', test: loneFrom },
  // "Name <addr> on 05/10/2001 01:26 PM" or "Name @ ECT  02/07/2000 02:38 PM", then To:/cc: lines.
  { id: 'lotus-stamp', why: 'a Lotus Notes sender line with a date stamp, To:/cc: below', test: lotusStamp },
  // "Jeff Dasovich\n05/10/2001 01:26 PM\nTo: ..." — the name line above the stamp starts the old mail.
  {
    id: 'lotus-name-stamp',
    why: 'a name line, a bare date stamp, then To:/cc:',
    test: (l, i) => /\S/.test(at(l, i)) && P.BARE_STAMP.test(at(l, i + 1)) && within(l, i + 2, 3, P.TO_OR_CC),
  },
  {
    id: 'groupwise-stamp',
    why: 'GroupWise quotes with ">>> Name 01/14/98 02:02PM >>>" above the old mail',
    test: (l, i) => P.GROUPWISE_STAMP.test(at(l, i)),
  },
  {
    id: 'lotus-address',
    why: 'a Lotus address line ("Name/HOU/ECT@ECT") with To:/cc: below',
    test: (l, i) => P.LOTUS_ADDRESS.test(at(l, i)) && within(l, i + 1, 3, P.TO_OR_CC),
  },
  {
    id: 'lotus-to-cc',
    why: 'a To:/cc:/Subject: block with no From line, To: wrapped over many lines',
    test: (l, i) =>
      /^\s*to:\s*\S/i.test(at(l, i)) && within(l, i + 1, 8, /^\s*cc:/i) && within(l, i + 1, 10, /^\s*subject:/i),
  },
  {
    id: 'mailing-list-footer',
    why: 'a line of underscores above a mailing-list footer',
    test: (l, i) => P.UNDERSCORE_RULE.test(at(l, i)) && within(l, i + 1, 3, P.MAILING_LIST),
  },
  {
    id: 'signature-dashes',
    why: 'the "-- " signature separator (RFC 3676), or a lone dash or em dash',
    test: (l, i) => P.SIGNATURE_DASHES.test(at(l, i)),
  },
  {
    id: 'mobile-signature',
    why: '"Sent from my iPhone", "Get Outlook for iOS" and translations',
    test: (l, i) => P.MOBILE_FOOTER.test(at(l, i).replace(/<https?:[^>]*>/g, '')),
  },
  // Someone else's words pasted without a forward header. (A bare "FYI -" line is not one: senders write their own news under it.)
  {
    id: 'pasted-voice',
    why: 'a press statement, talking points or a draft for someone else to deliver',
    test: (l, i) => at(l, i).length < 120 && (P.PASTED_VOICE.test(at(l, i)) || P.LABELLED_INSERT.test(at(l, i))),
  },
  {
    id: 'introduced-paste',
    why: 'a cover line presenting, behind a colon, a draft, a statement or remarks: what follows is that text',
    test: (l, i) => {
      const cover = previousLine(l, i);
      return cover.length < 160 && P.PASTE_COVER.test(cover) && !P.OWN_COVER.test(cover) && /\S/.test(at(l, i));
    },
  },
  {
    id: 'prepared-q-and-a',
    why: 'a prepared Q&A ("Q: ..." with its "A: ..." below, twice or more): answers drafted for someone else to give',
    test: (l, i) =>
      P.QA_QUESTION.test(at(l, i)) &&
      within(l, i + 1, 8, P.QA_ANSWER) &&
      l.slice(i + 1, i + 24).filter((line) => P.QA_QUESTION.test(line)).length >= 1,
  },
  {
    id: 'pasted-letter',
    why: 'a formal "Dear Senator Smith:" below the sender\'s own note: a letter drafted for someone else to sign',
    test: (l, i) => P.PASTED_LETTER.test(at(l, i)) && l.slice(0, i).some((line) => /\S/.test(line)),
  },
  {
    id: 'attachment-banner',
    why: 'a records archive\'s "===== ATTACHMENT 1 =====" banner: what follows is the attachment, not the sender\'s words',
    test: (l, i) => /^\s*[=*-]{3,}\s*attachment\s*\d*\s*[=*-]{3,}\s*$/i.test(at(l, i)),
  },
  {
    id: 'disclaimer',
    why: 'a confidentiality notice or a line of stars or equals signs opening one',
    test: (l, i) => P.DISCLAIMER_START.test(at(l, i)) && within(l, i, 4, P.DISCLAIMER_WORDS),
  },
];
