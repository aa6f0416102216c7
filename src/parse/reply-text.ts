// Only the sender's new text: quoted replies, forwarded mail, signatures and disclaimers go. Pure.
//
// 1. Quoted lines are marked: "> ..." lines, the attribution that introduces them ("On ... wrote:"), and lines
//    a client wrapped out of a quote. If the sender answered between the quotes (a bottom-posted or inline
//    reply), the quotes are dropped and the answers kept; otherwise the new text ends at the first quote.
// 2. The ordered cut detectors (reply-detectors.ts) run over what is left; the earliest line any of them marks
//    ends the new text: an unquoted earlier mail, a forward, a signature or a disclaimer.
// 3. A signature without a separator (sign-off + contact block) and trailing separator lines are trimmed.
import { attributionSpan, DETECTORS } from './reply-detectors.js';
import { GROUPWISE_STAMP } from './reply-patterns.js';
import { contactBlockLine, signOffLine, trimTrailingSeparators } from './signature.js';

export interface ReplySplit {
  newText: string;
  /** The detector that ended the new text ("quote" when quotes were dropped), or null when nothing was cut. */
  cutBy: string | null;
  /** 0-based line of the normalised body where the cut happened. */
  cutAtLine: number | null;
}

/** Separators and headers are short; a longer line is prose or data and is not tested (keeps regexes linear). */
const MAX_DETECTED_LINE = 1000;

/** "> text", and the "| text" some mailing-list clients quote with (but not a table row, which ends in "|"). GroupWise's
 * ">>> Name 01/14/98 02:02PM >>>" is no quoted line but the header above an unquoted earlier mail: a detector cuts it. */
const isQuoted = (line: string | undefined): boolean =>
  (/^\s*>|^\s*\|(?:[\s>]|$)(?!.*\|\s*$)/.test(line ?? '') && !GROUPWISE_STAMP.test(line ?? '')) ||
  ELISION.test(line ?? '');
/** "[...]", "[snip]", "<snip>": where the sender cut the quote, part of it. */
const ELISION = /^\s*(?:\[(?:\.{2,}|…|snip(?:ped)?)\]|<snip(?:ped)?>)\s*$/i;
/** "Hi," or "Hello Adrian," between an attribution and its quote. */
const GREETING =
  /^\s*(?:hi|hello|hey|dear|greetings|morning|good (?:morning|afternoon|evening))\b[^.!?]{0,40}[,!:]?\s*$/i;
/** Outlook for Mac and others quote by indenting the earlier mail under "On …, X wrote:". */
const isIndented = (line: string | undefined): boolean => /^(?: {2,}|\t)\S/.test(line ?? '');
const isBlank = (line: string | undefined): boolean => (line ?? '').trim() === '';

/** "> ...ornare diam,\neget accumsan est." — a quoted line the client re-wrapped without its ">". */
/** An answer to a question is never taken for one: the quoted line must not end with "?". */
function isWrapOverflow(lines: readonly string[], i: number): boolean {
  const previous = (lines[i - 1] ?? '').replace(/^\s*>[\s>]*/, '');
  if (!isQuoted(lines[i - 1]) || previous.length < 50 || /\?\s*$/.test(previous)) return false;
  if (!/^\s*\p{Ll}/u.test(lines[i] ?? '')) return false;
  // Between two quoted lines it is overflow; at the end of a quote only if the quoted line was cut mid-sentence.
  return isQuoted(lines[i + 1]) || ((i + 1 >= lines.length || isBlank(lines[i + 1])) && !/[.!:;]\s*$/.test(previous));
}

/** The first line of text after `from`, skipping blank lines and one greeting. */
function nextText(lines: readonly string[], from: number): number {
  let greeted = false;
  for (let i = from; i < lines.length; i++) {
    if (isBlank(lines[i])) continue;
    if (!greeted && GREETING.test(lines[i] ?? '')) {
      greeted = true;
      continue;
    }
    return i;
  }
  return -1;
}

const nextTextIsQuote = (lines: readonly string[], from: number): boolean => isQuoted(lines[nextText(lines, from)]);

/** Which lines belong to quoted mail. */
function quoteMask(lines: readonly string[]): boolean[] {
  const mask = lines.map(() => false);
  let indentQuotes = false;
  for (let i = 0; i < lines.length; i++) {
    if (isQuoted(lines[i]) || isWrapOverflow(lines, i) || (indentQuotes && isIndented(lines[i]))) {
      mask[i] = true;
      continue;
    }
    const span = attributionSpan(lines, i);
    if (span > 0 && nextTextIsQuote(lines, i + span)) {
      for (let k = 0; k < span; k++) mask[i + k] = true;
      i += span - 1;
    } else if (span > 0 && isIndented(lines[nextText(lines, i + span)])) {
      // From here on, indented lines are the earlier mail and unindented ones the sender's answers.
      for (let k = 0; k < span; k++) mask[i + k] = true;
      indentQuotes = true;
      i += span - 1;
    }
  }
  return mask;
}

interface Cut {
  /** Lines kept: [0, end). */
  end: number;
  by: string | null;
  at: number | null;
}

/**
 * Steps 2 and 3 over unquoted lines. `signatures` adds the heuristic signature cuts (a sign-off, a contact block):
 * right for prose, wrong for a column of short commands, where "Done 2" and "Drop" look like a name and a title.
 */
function cutOld(texts: readonly string[], signatures = true): Cut {
  let cut: { at: number; by: string } | null = null;
  for (let i = 0; i < texts.length && !cut; i++) {
    if ((texts[i] ?? '').length > MAX_DETECTED_LINE) continue;
    const hit = DETECTORS.find((d) => d.test(texts, i));
    if (hit) cut = { at: i, by: hit.id };
  }
  let end = cut ? cut.at : texts.length;
  if (signatures) {
    const signOff = signOffLine(texts.slice(0, end));
    if (signOff !== null) cut = { at: signOff, by: 'sign-off' };
    end = cut ? cut.at : texts.length;
    const contact = contactBlockLine(texts.slice(0, end));
    if (contact !== null) cut = { at: contact, by: 'contact-block' };
    end = cut ? cut.at : texts.length;
  }
  return { end: trimTrailingSeparators(texts.slice(0, end)), by: cut?.by ?? null, at: cut?.at ?? null };
}

interface Reading {
  lines: string[];
  /** Which lines are quoted (step 1). */
  mask: boolean[];
  firstQuote: number;
  /** The unquoted lines read for new text, with their line numbers: all of them when the sender answered inline. */
  kept: { text: string; at: number }[];
  /** Where the new text ends among `kept`. */
  cut: Cut;
}

function read(body: string, signatures: boolean): Reading {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const mask = quoteMask(lines);
  const firstQuote = mask.indexOf(true);
  let kept = lines.flatMap((text, at) => (mask[at] ? [] : [{ text, at }]));
  if (firstQuote >= 0) {
    // Did the sender write anything of their own below the first quote? Then it is an inline answer.
    const after = kept.filter((k) => k.at > firstQuote);
    const tail = cutOld(
      after.map((k) => k.text),
      signatures,
    );
    if (!after.slice(0, tail.end).some((k) => !isBlank(k.text))) kept = kept.filter((k) => k.at < firstQuote);
  }
  return {
    lines,
    mask,
    firstQuote,
    kept,
    cut: cutOld(
      kept.map((k) => k.text),
      signatures,
    ),
  };
}

export function splitReply(body: string): ReplySplit {
  const { kept, cut, firstQuote } = read(body, true);
  const texts = kept.map((k) => k.text);
  const newText = texts
    .slice(0, cut.end)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (cut.by !== null && cut.at !== null) return { newText, cutBy: cut.by, cutAtLine: kept[cut.at]?.at ?? null };
  if (firstQuote >= 0) return { newText, cutBy: 'quote', cutAtLine: firstQuote };
  return { newText, cutBy: null, cutAtLine: null };
}

export interface ReplyLine {
  text: string;
  /** A line of the earlier mail the sender quoted (">", "|", an indented quote, its attribution). */
  quoted: boolean;
}

/**
 * The sender's lines in order, the quoted lines between them kept and marked, up to where the earlier mail
 * starts: what a reply to a digest is read from, so a command is obeyed only where mail text would be new text,
 * and a bare "done" can still see the quoted item above it. The same quote and cut detection as splitReply, in
 * every language it knows, without the signature heuristics (see cutOld).
 */
export function replyLines(body: string): ReplyLine[] {
  const { lines, mask, firstQuote, kept, cut } = read(body, false);
  const inline = firstQuote >= 0 && kept.some((k) => k.at > firstQuote);
  const stop = kept[cut.end]?.at ?? (firstQuote >= 0 && !inline ? firstQuote : lines.length);
  return lines.slice(0, stop).map((text, at) => ({ text, quoted: mask[at] === true }));
}
