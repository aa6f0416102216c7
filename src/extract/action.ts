// Follows "have to / plan on / begin / be glad to" to the real verb, and cuts a short action phrase from it.
import type { Lexicon } from './rules.js';

export interface ResolvedAction {
  /** The verb the promise rests on, lower-cased and roughly in its base form ("e-mailing" → "e-mail"). */
  verb: string;
  /** "send the brochure" */
  phrase: string;
}

/** Words that end the object: a time, a condition, another clause. */
const STOP =
  /^(?:by|on|before|until|till|tomorrow|today|tonight|tonite|when|if|because|as|asap|so|but|and|however|later|shortly|soon|first|once|after|unless|while|within|sometime|eod|cob|eow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|-|--)$/i;
/** "this"/"next"/"in" start a time only before a time word: "this afternoon", but "about this issue". */
const TIME_AFTER = /^(?:afternoon|morning|evening|week|weekend|month|year|am|pm|the|a|an|two|few|\d+)$/i;
const GIVING_VERBS = /^(?:send|forward|give|e-?mail|fax|get|show|mail|pass|bring|hand|drop|ship|shoot|text|call)$/;
const OBJECT_PRONOUN = /^(?:you|him|her|them|me|us|y'all)$/i;

/** Base form by rule of thumb: enough to compare against word lists, not a lemmatiser. */
export function baseForm(word: string): string {
  const w = word.toLowerCase().replace(/[^a-z'-]/g, '');
  if (w.endsWith('ing') && w.length > 5) {
    const stem = w.slice(0, -3);
    if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
    if (/(?:at|iv|ar|ur|ak|ok|id|ir|ag|ot|ut)$/.test(stem) && !/(?:eat|oot|out)$/.test(stem)) return `${stem}e`;
    return stem;
  }
  return w;
}

export function resolveAction(rest: string, lexicon: Lexicon): ResolvedAction {
  let text = rest.replace(/\s+/g, ' ').trim();
  for (let step = 0; step < 4; step++) {
    const lower = text.toLowerCase();
    const chain = lexicon.chainPatterns.map((p) => p.exec(lower)).find((m) => m?.[1]);
    if (!chain?.[1]) break;
    text = text.slice(lower.indexOf(chain[1], chain.index + 1));
  }
  const words = text.split(' ');
  const verb = baseForm(words[0] ?? '');
  const phrase: string[] = [verb];
  const following = words.slice(1, 9);
  for (const [i, raw] of following.entries()) {
    const word = raw.replace(/[,.;:!?()"]+$/, '');
    // "call him ." (a space before the stop, as scanned mail has it): the punctuation alone ends the phrase.
    if (word === '' || STOP.test(word)) break;
    if (/^(?:this|next|in)$/i.test(word) && TIME_AFTER.test((following[i + 1] ?? '').replace(/[,.;:!?()"]+$/, '')))
      break;
    phrase.push(word);
    if (word !== raw) break;
  }
  if (GIVING_VERBS.test(verb) && phrase.length > 2 && OBJECT_PRONOUN.test(phrase[1] ?? '')) phrase.splice(1, 1);
  return { verb, phrase: phrase.join(' ').toLowerCase() };
}
