// "Kept, with evidence": does a later mail from the user prove a promise was kept? Pure; never guesses for
// calls and meetings, never reuses evidence the user rejected.
import type { Evidence, Message, TrackedItem } from '../types.js';
import { type ShapedPromise, shapePromise } from './promise-shape.js';
import { includesAddress, isFromMe, recipients } from './who.js';
import { contentWords, filenameWords, stem, tokens, wordCount } from './words.js';

export interface FulfilmentContext {
  /** Thread id of `later` (threadIdFor); without it, only In-Reply-To / References to the promise count. */
  threadId?: string;
  /** Fallback for Evidence.at when the later mail has no Date. */
  now?: Date;
}

/** Phrases that say "this is the thing I promised". */
const DELIVERY_CUE =
  /\b(?:here(?:'s| is| are)|attached|attaching|enclosed|please find|as promised|as discussed|sending (?:you|over)|forwarding|i(?:'ve| have) (?:sent|shared|forwarded|uploaded)|just (?:sent|shared|forwarded)|you(?:'ll| will) find)\b/i;
/** Fewer words than this is an acknowledgement ("Thanks, will do"), not an answer. */
const SUBSTANTIVE_WORDS = 8;
const THANKS_ONLY = /^(?:thanks?|thank you|thx|ty|cheers|great|ok(?:ay)?|noted|got it|will do)\b[\s\S]{0,40}$/i;

/** Object words matched by candidate tokens: stems equal, or one a prefix (≥ 4 letters) of the other. */
function matchObject(object: readonly string[], candidates: readonly string[]) {
  const matched: string[] = [];
  const hit = object.filter((word) => {
    const token = candidates.find((c) => {
      const s = stem(c);
      return s === word || (Math.min(s.length, word.length) >= 4 && (s.startsWith(word) || word.startsWith(s)));
    });
    if (token) matched.push(token);
    return token !== undefined;
  });
  const head = object[object.length - 1];
  // The head noun must match ("revised CONTRACT"), and at least half the words, and every code: "Q3 report"
  // is not "Q2_report.pdf".
  const codes = object.filter((word) => /\d/.test(word));
  const ok =
    head !== undefined &&
    hit.includes(head) &&
    hit.length * 2 >= object.length &&
    codes.every((code) => hit.includes(code));
  return { ok, matched: [...new Set(matched)], ratio: object.length > 0 ? hit.length / object.length : 0 };
}

function isSameThread(promise: TrackedItem, later: Message, context: FulfilmentContext): boolean {
  if (context.threadId !== undefined && context.threadId === promise.threadId) return true;
  return later.inReplyTo === promise.messageId || later.references.includes(promise.messageId);
}

function sendEvidence(shaped: ShapedPromise, later: Message, sameThread: boolean) {
  for (const attachment of later.attachments) {
    if (!attachment.filename) continue;
    const match = matchObject(shaped.object, filenameWords(attachment.filename));
    if (match.ok)
      return { attachment: attachment.filename, words: match.matched, confidence: 0.7 + 0.25 * match.ratio };
  }
  // The cue and the object must share a sentence: "here is the invoice; the brochure comes next week" is no proof.
  const cued = later.newText.split(/[.!?;\n]+/).filter((sentence) => DELIVERY_CUE.test(sentence));
  for (const sentence of cued) {
    const text = matchObject(shaped.object, tokens(sentence));
    if (text.ok) return { attachment: null, words: text.matched, confidence: 0.5 + 0.2 * text.ratio };
  }
  const cue = cued.length > 0;
  // "I'll send it over": nothing names the object, so only a delivery in the same thread can be it.
  if (shaped.object.length === 0 && sameThread) {
    const attached = later.attachments.find((a) => a.filename);
    if (attached?.filename) return { attachment: attached.filename, words: [], confidence: 0.5 };
    if (cue) return { attachment: null, words: [], confidence: 0.4 };
  }
  return null;
}

function replyEvidence(later: Message, sameThread: boolean) {
  const text = later.newText.trim();
  if (!sameThread || wordCount(text) < SUBSTANTIVE_WORDS || THANKS_ONLY.test(text)) return null;
  return { attachment: null, words: contentWords(text).slice(0, 5), confidence: 0.6 };
}

/**
 * Evidence that `later` keeps `promise`, or null. Only a mail from the user, after the promise, to one of its
 * counterparties (any thread for deliveries, the same thread for answers) can keep it. Confidence: an
 * attachment named like the promised object (0.7–0.95) > a "here is the …" text (0.5–0.7) > a substantive
 * reply (0.6) > an unnamed delivery in the same thread (0.4–0.5).
 */
export function findKeptEvidence(
  promise: TrackedItem,
  later: Message,
  me: readonly string[],
  context: FulfilmentContext = {},
): Evidence | null {
  if (promise.kind !== 'promise' || later.id === promise.messageId) return null;
  if (promise.rejectedEvidence.includes(later.id)) return null;
  if (!isFromMe(later, me)) return null;
  if (later.date && later.date.getTime() <= Date.parse(promise.sentAt)) return null;
  const sameThread = isSameThread(promise, later, context);
  const to = recipients(later);
  const toCounterparty =
    promise.counterparties.length === 0 ? sameThread : promise.counterparties.some((c) => includesAddress(to, c));
  if (!toCounterparty) return null;

  const shaped = shapePromise(promise.action, promise.text);
  const found =
    shaped.shape === 'send'
      ? sendEvidence(shaped, later, sameThread)
      : shaped.shape === 'reply'
        ? replyEvidence(later, sameThread)
        : null;
  if (!found) return null;
  const at = later.date ?? context.now ?? new Date(promise.sentAt);
  return {
    messageId: later.id,
    subject: later.subject,
    at: at.toISOString(),
    attachment: found.attachment,
    words: found.words,
    confidence: Math.round(found.confidence * 100) / 100,
  };
}
