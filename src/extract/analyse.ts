// One pass over a mail's new text that records every decision, so `extract` and `explain` can never disagree.
import type { Commitment, Message } from '../types.js';
import { resolveAction } from './action.js';
import { pointsBack } from './due/earlier.js';
import { type DueReading, readDue } from './due/read-due.js';
import { compileMatcher, type Parse, type ParsedSentence, parseSentence, type SentenceMatcher } from './nlp.js';
import { questionReason } from './questions.js';
import { compileScreen, type SentenceWords, sentenceWords } from './prefilter.js';
import type { Candidate } from './candidate.js';
import { refine } from './refiners.js';
import type { Lexicon, Rule, RuleSet } from './rules.js';
import { repairScanned } from './scanned.js';
import { bestCandidate } from './scorer.js';
import { splitSentences } from './sentences.js';
import { looksLikeCode, looksLikeField, type Voice, voiceOf } from './speaker.js';
import type { CandidateTrace, SentenceDecider } from './trace.js';

/** A person's new text is short; past this many characters (a pasted log, a generated report, a mail bomb) the
 * rest is not read, so one mail can never stall the queue. */
export const MAX_NEW_TEXT = 20_000;

export interface SentenceTrace {
  text: string;
  /** The prefilter handed it to compromise. */
  screened: boolean;
  candidates: CandidateTrace[];
  /** Why this sentence asks the reader for an answer, or null. */
  request: string | null;
}

export interface Analysis {
  sentences: SentenceTrace[];
  commitments: Commitment[];
  expectsReply: boolean;
}

export interface AnalyseOptions {
  /** Stop looking for requests once one is found (extract); the full trace is for `explain`. */
  quick?: boolean;
  /** The mail's parse (parsePerMail), shared with the other detectors that read the same sentences. */
  parse?: Parse;
  /** The mail's prefilter reading of a sentence (wordsPerMail), shared the same way. */
  words?: (sentence: string) => SentenceWords;
}

export interface Analyser {
  analyse(
    message: Pick<Message, 'newText' | 'date' | 'tzOffsetMinutes' | 'to' | 'cc' | 'from' | 'headers'>,
    options?: AnalyseOptions,
  ): Analysis;
}

/** "Ruth, use this" / "Hi John, can you" / the memo style "Elena -- call Bruce": the name in front hides how the
 * sentence starts. */
const VOCATIVE =
  /^(?:(?:hi|hey|hello|dear)\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)?(?:\s*[,:]\s+|\s+-{1,2}\s+|\s*[–—]\s*)(?=\S)/;
/** A sentence that opens inside quotation marks, a bracket or a list marker ("#15", "3)", "-") still opens with
 * its first word. */
const OPENING_MARKS = /^(?:["'“‘([]+\s*|(?:#\d+|\d{1,2}[.)]|[-*•])\s+)+/;

/** Parses a sentence the first time a rule set needs it, and hands every later rule set the same document. */
function lazyParse(text: string, parse: Parse): () => ParsedSentence {
  let parsed: ParsedSentence | undefined;
  return () => (parsed ??= parse(text));
}

const BARE_STEP = 'request rule imperative';

/** Words that name the reader a request is put to. */
const ADDRESSEE = /\b(?:you|your|yours|yourself|yourselves|u|ur|y'all)\b/i;

/** A bare-verb line that names the sender ("ask him to call me"; "me" anywhere, a rough sign that the reader is the one
 * acting), or has the reader get it done ("have him send his resume to Karen"): put to the reader however long. */
const TO_THE_SENDER = /\bme\b|^(?:please\s+)?(?:have|get|ask|tell|remind)\s+(?:him|her|them|someone|somebody)\b/i;

/** A rule with a word limit counts on a longer sentence only when it is addressed (a name in front, "you", or
 * "me" as the one the act is for). */
function outOfReach(rule: Rule | undefined, bare: string, named: boolean): boolean {
  if (rule?.unaddressedUpTo === undefined || named || ADDRESSEE.test(bare) || TO_THE_SENDER.test(bare)) return false;
  return bare.split(/\s+/).filter(Boolean).length > rule.unaddressedUpTo;
}

/** What joins a clause to a closer after it: a comma, semicolon, colon or dash, or "and", "but", "so", "then". */
const ENDS_JOINED = /(?:[,;:]|\s-+|\b(?:and|but|so|then))\s*$/i;
const TRAILING_JOINTS = /(?:[\s,;:-]|\b(?:and|but|so|then)\b)*$/i;

/** The earliest match of any of the patterns, or null. */
function firstMatch(patterns: readonly RegExp[], text: string): RegExpExecArray | null {
  let first: RegExpExecArray | null = null;
  for (const p of patterns) {
    const m = p.exec(text);
    if (m && (!first || m.index < first.index)) first = m;
  }
  return first;
}

interface RequestCheck {
  matchRequest: SentenceMatcher;
  ruleById: ReadonlyMap<string, Rule>;
  screen: (sentence: SentenceWords, counts?: (rule: Rule) => boolean) => boolean;
  lexicon: Lexicon;
}

/** The request rules' verdict on a parsed sentence. */
type RuleVerdict = () => string | null;

/** Why the sentence asks for an answer, or null; or, when only a compromise parse can tell, that verdict to run
 * later (a mail already known to ask needs no parse for it). */
function requestReason(
  sentence: string,
  words: SentenceWords,
  parsed: () => ParsedSentence,
  check: RequestCheck,
  voice: Voice,
): string | null | RuleVerdict {
  const unquoted = sentence.replace(OPENING_MARKS, '');
  const bare = unquoted.replace(VOCATIVE, '');
  const named = bare !== unquoted;
  if (voice.notTheSender || looksLikeCode(bare) || looksLikeField(bare)) return null;
  if (check.lexicon.answerInvites.some((p) => p.test(bare))) return 'asks to hear of doubts';
  const closer = firstMatch(check.lexicon.offerClosers, bare);
  if (closer) {
    // "Please review the memo and let me know if you have questions": the closer asks nothing, what precedes it may.
    // Only a clause of its own: "Please call if you have questions" is one closer, not "Please call" and a closer.
    const head = bare.slice(0, closer.index);
    const before = head.replace(TRAILING_JOINTS, '');
    if (!ENDS_JOINED.test(head) || before.split(/\s+/).filter(Boolean).length < 2) return null;
    return requestReason(before, sentenceWords(before), () => parseSentence(before), check, voice);
  }
  if (/\?\s*["')]*$/.test(bare)) return questionReason(bare, check.lexicon.rhetoricalQuestions);
  // Without a name or an opening mark in front, the request rules read the very document the promise rules read.
  const same = bare === sentence;
  // Which rules' hits count here is known from the text alone: a sentence only rules that would not count could
  // match needs no parse (most long lines the imperative rule could match are past its word limit).
  const counts = (rule: Rule | undefined) =>
    !(voice.patch && rule?.id === 'imperative') && !outOfReach(rule, bare, named);
  if (!check.screen(same ? words : sentenceWords(bare), counts)) return null;
  return () => {
    const hit = check
      .matchRequest(same ? parsed() : parseSentence(bare))
      .find((h) => counts(check.ruleById.get(h.ruleId)));
    return hit ? `request rule ${hit.ruleId}` : null;
  };
}

/** Characters between a hit's start and its verb past which the verb's own clause is read for a time first. */
const FAR_ACT = 16;

/** A weakened promise keeps this share of its rule's confidence. */
const WEAK = 0.5;

/** minConfidence: weakened promises below it are dropped; 0.5 keeps hedged and conditional ones out. */
export function createAnalyser(
  rules: RuleSet,
  minConfidence = 0.5,
  country?: string,
  decide?: SentenceDecider,
): Analyser {
  const matchPromise = compileMatcher(rules.commitments);
  const request: RequestCheck = {
    matchRequest: compileMatcher(rules.requests),
    ruleById: new Map(rules.requests.map((r) => [r.id, r])),
    screen: compileScreen(rules.requests),
    lexicon: rules.lexicon,
  };
  const mayPromise = compileScreen(rules.commitments);
  const ruleById = new Map(rules.commitments.map((r) => [r.id, r]));

  return {
    analyse(message, options = {}) {
      let asked = false;
      let bareSteps = 0;
      const sentAt = message.date ?? new Date(0);
      const from = new Set(message.from.map((a) => a.address));
      const recipients = (message.to.length ? message.to : message.cc).filter((a) => !from.has(a.address));
      const sentences: SentenceTrace[] = [];
      const commitments: Commitment[] = [];
      const voice = voiceOf(message.newText);
      const notTheSender = voice.notTheSender
        ? { refiner: 'speaker', reason: voice.notTheSender, weakened: false }
        : null;
      // quick: verdicts that need a parse of their own wait until every cheaper sign has been read.
      const later: { text: string; verdict: RuleVerdict }[] = [];
      // A lone bare-verb line asks; two or more, none naming the reader, are a plan when sent to a mailing list.
      const count = (text: string, reason: string | null) => {
        if (reason === BARE_STEP && !ADDRESSEE.test(text) && !VOCATIVE.test(text.replace(OPENING_MARKS, '')))
          bareSteps++;
        else asked ||= reason !== null;
      };
      let previous = '';
      for (const written of splitSentences(message.newText.slice(0, MAX_NEW_TEXT))) {
        // Every rule reads the repaired text; the user sees the sentence as written.
        const text = repairScanned(written);
        const words = (options.words ?? sentenceWords)(text);
        const parsed = lazyParse(text, options.parse ?? parseSentence);
        const screened = mayPromise(words);
        const candidates: CandidateTrace[] = [];
        // Two hits of a sentence, or a hit at its start, read the same text: chrono reads each text once.
        const readings = new Map<string, DueReading>();
        const dueIn = (part: string): DueReading => {
          let reading = readings.get(part);
          if (!reading) readings.set(part, (reading = readDue(part, sentAt, message.tzOffsetMinutes, country)));
          return reading;
        };
        for (const hit of screened ? matchPromise(parsed()) : []) {
          const action = resolveAction(text.slice(hit.act?.start ?? hit.start), rules.lexicon);
          const candidate: Candidate = { sentence: text, hit, action };
          // "I'll be in Juneau Monday and will call you Tuesday": when the promised verb stands far from where the
          // hit starts, the time after the verb is the promise's own.
          const far = hit.act && hit.act.start - hit.start > FAR_ACT ? dueIn(text.slice(hit.act.start)) : null;
          // Not a day that names a thing ("will send you the Monday numbers"): the time before the verb says when.
          const reading = far?.due && !far.namesAThing ? far : dueIn(text.slice(hit.start));
          // "The call is Friday. I'll send the agenda before then.": the day stands in the sentence before.
          const earlier =
            previous && pointsBack(text) ? readDue(previous, sentAt, message.tzOffsetMinutes, country) : null;
          const due = reading.due ?? dueIn(text).due ?? earlier?.due ?? null;
          const rule = ruleById.get(hit.ruleId);
          const verdict =
            notTheSender ??
            (voice.notice && /^we\b/i.test(hit.matchText)
              ? { refiner: 'speaker', reason: voice.notice, weakened: false }
              : null) ??
            refine(candidate, rules.lexicon) ??
            (rule?.requiresDue && !due ? { refiner: 'needs-a-date', reason: 'names no date', weakened: false } : null);
          const confidence = (rule?.confidence ?? 0.5) * (verdict?.weakened ? WEAK : 1);
          candidates.push({
            rule: hit.ruleId,
            action: rule?.action ?? action.phrase,
            kept: !verdict || (verdict.weakened && confidence >= minConfidence),
            confidence,
            droppedBy: verdict?.refiner ?? null,
            reason: verdict?.reason ?? null,
            due,
            dueTrace:
              earlier?.due && !reading.due
                ? [...reading.trace, 'its time points back: read the sentence before', ...earlier.trace]
                : reading.trace,
          });
        }
        // One commitment per sentence (the user thinks in sentences): its strongest reading.
        const best = bestCandidate(
          candidates,
          decide && candidates.length ? decide(written, candidates, sentences.length) : undefined,
        );
        if (best) {
          commitments.push({
            text: written,
            action: best.action,
            due: best.due,
            counterparties: recipients,
            confidence: best.confidence,
            rule: best.rule,
          });
        }
        // Request rules cost a compromise parse per sentence: once the mail is known to ask, extract stops asking,
        // and it asks the rules of a sentence not parsed yet only when no cheaper sign has answered.
        const found: string | null | RuleVerdict =
          options.quick && asked ? null : requestReason(text, words, parsed, request, voice);
        let reason: string | null;
        if (typeof found !== 'function') reason = found;
        else if (options.quick && !screened) {
          later.push({ text, verdict: found });
          reason = null;
        } else reason = found();
        count(text, reason);
        sentences.push({ text: written, screened, candidates, request: reason });
        previous = text;
      }
      for (const { text, verdict } of later) if (!asked) count(text, verdict());
      // Steps sent to a person are instructions; steps sent to a mailing list are a plan for the list to read.
      const toAList = (message.headers['list-id'] ?? '') !== '';
      return { sentences, commitments, expectsReply: asked || bareSteps === 1 || (bareSteps > 1 && !toAList) };
    },
  };
}
