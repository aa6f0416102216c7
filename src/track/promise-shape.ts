// What kind of promise is this, as far as keeping it goes? Read from the commitment's short action phrase
// ("send the brochure", "get back to you"), or from its sentence when the action says nothing.
import { contentWords } from './words.js';

/**
 * send: something will be delivered (kept by an attachment or a "here is …" mail);
 * reply: an answer will come (kept by a substantive mail in the same thread);
 * meeting: a call or meeting (never kept automatically: no mail proves it happened);
 * other: anything else (never kept automatically: the digest asks the user).
 */
export type PromiseShape = 'send' | 'reply' | 'meeting' | 'other';

export interface ShapedPromise {
  shape: PromiseShape;
  /** For send: the stemmed content words of the promised object ("revised contract" → revis, contract). */
  object: string[];
}

const PRONOUN = "(?:you|him|her|them|us|y'all)";
/** Checked first: "get back to you" is an answer, not a delivery. */
const REPLY = new RegExp(
  `^(?:get back|come back|circle back|revert|check and revert|follow[- ]?up|let ${PRONOUN} know|` +
    `keep ${PRONOUN} (?:posted|updated)|update ${PRONOUN}|confirm|check|look into|find out|reply|respond|answer|touch base)\\b`,
);
const MEETING =
  /^(?:call|ring|phone|meet|schedule|set up (?:a |the )?(?:call|meeting)|talk|speak|catch up|chat|zoom|skype|stop by|drop by|see)\b/;
/** The delivering verb and whatever filler follows it ("send over", "get you", "pass along"). */
const SEND = new RegExp(
  `^(?:send|forward|e-?mail|fax|share|attach|mail|get|shoot|circulate|upload|pass(?: on| along)?|have)` +
    `(?:\\s+${PRONOUN})?(?:\\s+(?:over|across|along|on))?\\b`,
);
/** "have the numbers to you" only counts as a delivery when it ends in "to you". */
const HAVE_TO_YOU = new RegExp(`\\bto ${PRONOUN}\\b`);
/** In the full sentence: the first-person future that introduces the promised verb. */
const FIRST_PERSON = /\b(?:i|we)(?:'ll| will| shall|'m going to| am going to)\s+(?:\w+ly\s+)?/;

function shapeOf(phrase: string): ShapedPromise {
  const text = phrase.toLowerCase().replace(/\s+/g, ' ').trim();
  if (REPLY.test(text)) return { shape: 'reply', object: [] };
  if (MEETING.test(text)) return { shape: 'meeting', object: [] };
  const send = SEND.exec(text);
  if (send && (!text.startsWith('have') || HAVE_TO_YOU.test(text))) {
    const rest = text.slice(send[0].length).replace(HAVE_TO_YOU, ' ');
    return { shape: 'send', object: contentWords(rest) };
  }
  return { shape: 'other', object: [] };
}

export function shapePromise(action: string, sentence: string): ShapedPromise {
  const fromAction = shapeOf(action);
  if (fromAction.shape !== 'other' || action.trim() !== '') return fromAction;
  const lower = sentence.toLowerCase();
  const intro = FIRST_PERSON.exec(lower);
  return intro ? shapeOf(lower.slice(intro.index + intro[0].length)) : fromAction;
}
