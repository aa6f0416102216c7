// Ordered refiners: each looks at one candidate promise and may drop it, with a reason `explain` shows.
// A refiner either drops a candidate or, for weak-but-real promises, lowers its confidence.
// Past and present actions ("I sent it", "Attached is the file") need no refiner: every rule matches a
// future or modal form, so they never become candidates.
import { ABOUT_THE_MAIL } from './about-the-mail.js';
import type { Candidate, Refiner, Verdict } from './candidate.js';
import { clauseBefore, firstAct, isFirmCondition, mainClauseAfter } from './clauses.js';
import type { Lexicon } from './rules.js';

const before = (c: Candidate) => c.sentence.slice(0, c.hit.start).toLowerCase();
const fromHit = (c: Candidate) => c.sentence.slice(c.hit.start).toLowerCase();
/** The sentence from the promised verb on, or the action phrase for a rule with no verb of its own. */
const fromVerb = (c: Candidate) => (c.hit.act ? c.sentence.slice(c.hit.act.start).toLowerCase() : c.action.phrase);
const wordIn = (text: string, phrase: string) =>
  new RegExp(`(?:^|[^a-z'])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^a-z'])`).test(text);

/** "return" with no object, or only a time or a place after it: the sender comes back, nothing is returned (unless
 * another action follows: "I'll return tonight and send it"). */
const RETURNING =
  /^return(?:$|\s+(?:on|from|home|next|this|in|at|by|tomorrow|tonight|later|after|before|around|about|to (?:the )?(?:office|work|town|houston|the states))\b)/;
/** "fly to Nome on Friday", "depart from Juneau at 7", "leave for Anchorage": the sender travels, nothing is done for
 * anyone. "Leave it on your desk", "land the deal", "drive to the airport to pick you up" act. */
const TRAVELLING =
  /^(?!.*\bto (?:pick|get|meet|bring|drop|deliver|collect|fetch)\b)(?:(?:arrive|depart|travel)\b|(?:fly|land|drive|leave|head)\s+(?:for|to|from|into|in|at|around|early|late|tomorrow|tonight|on|back|home|out)\b)/;
/** "I'll be calling in from Anchorage": joining a call; "I'll call in on Monday to check on the status" acts. */
const CALLING_IN = /^(?:be )?(?:call|dial|phone)(?:ing)? in(?:to)?(?: from\b.*|\s*[.!]?)$/;
/** The last "and", "but" or "then" before a promised verb, that joins its clause to the one before. */
const LAST_JOINT = /\b(?:and|but|then)\b(?!.*\b(?:and|but|then)\b)/i;
/** A verb that reports words just before the promise: "he said (that) we will", "announced that we will". */
const REPORTING =
  /\b(?:said|says|told (?:me|us)|mentioned|thinks|promised|claims?|announced|stated|indicated|reported|heard)\b(?: that)?,?\s*$/;
/** A quotation still open where the promise starts, opened after a colon or a word of saying: 'what I plan to say
 * tomorrow: "I will veto any bill"', 'tell him, "we will pay"'. */
const OPEN_QUOTATION =
  /(?::|,|\b(?:say|says|said|tell|told|write|wrote|reads|read|asked|asks))\s+["“](?=\S|$)(?=[^"”]*$)/;
/** "I will be checking email": how the sender can be reached ("and reply" after it is a promise again). */
const KEEPING_WATCH = /^(?:check|monitor)(?:ing)? (?:my |our )?(?:e-?mails?|voice-?mails?|messages|blackberry|phone)\b/;

export const REFINERS: Refiner[] = [
  {
    id: 'question',
    why: '"Should I send it?" asks, it does not promise',
    check: (c) =>
      /\?\s*["')]*$/.test(c.sentence) ||
      /^(?:should|shall|can|could|would|may|do|does|did|will|won't)\s+(?:i|we)\b/i.test(c.sentence.trim()) ||
      /\b(?:do|does|did|should|shall|can|could|would|will|may)\s*$/.test(before(c))
        ? 'a question, not a promise'
        : null,
  },
  {
    id: 'negation',
    why: '"I won\'t be able to send it" refuses',
    check: (c) => {
      // Look right before the promised verb: "I will not send", "I won't be able to", but not "I don't have it, but will send".
      const actStart = c.hit.act?.start ?? c.hit.start;
      const nearVerb = c.sentence.slice(Math.max(c.hit.start, actStart - 14), actStart + (c.hit.act?.text.length ?? 0));
      if (/\b(?:not|never|no longer|cannot|unable)\b|n't\b/i.test(nearVerb)) return 'negated or refused';
      // "It doesn't look like I'm going to make it": a negation earlier in the same clause.
      const clause =
        c.sentence
          .slice(0, actStart)
          .toLowerCase()
          .split(/[,;:]|\b(?:but|and|so)\b/)
          .pop() ?? '';
      return /\b(?:not|never|no way|unlikely)\b|n't\b/.test(clause) ? 'negated earlier in the clause' : null;
    },
  },
  {
    id: 'conditional-offer',
    why: '"If you want, I can send it" is an offer that waits on the reader; "unless I hear otherwise, I will" does not wait',
    check: (c, lexicon) => {
      // "Email me your number and I will call you": the reader acts first, so it waits on them like an "if".
      if (lexicon.requestFirst.some((p) => p.test(before(c)))) return 'waits on what the reader is asked to do first';
      // "Let me know if this is OK and then I will discuss it": that "if" belongs to the request.
      const prior = before(c).replace(/\blet (?:me|us) know if\b/g, '');
      // "… is wrong if the button is pressed first and I'll send a patch": an "if" inside an earlier clause, that
      // "and" closes, is that clause's; only a sentence that opens with its condition makes the promise wait.
      // A condition on the reader ("if you recognize that … and we'll defend it") still reaches past the "and".
      const closed =
        /\band\s*$/.test(prior) &&
        !/^\W*(?:if|in case|should you|whether)\b/.test(prior) &&
        !/\b(?:if|in case|whether) (?:you|u)\b/.test(prior);
      if (!closed && /\b(?:if|in case|should you|whether)\b/.test(prior) && !isFirmCondition(prior))
        return 'depends on a condition stated before it';
      // Only the promise's own clause: "I'll enhance the script so that if you change it …" is not an offer.
      // Read as written: a capital tells a name ("you and Bob") from a second act ("and override it").
      const own = firstAct(mainClauseAfter(c.sentence.slice(c.hit.start))).toLowerCase();
      if (/\bif (?:you|u|needed|necessary|required|so|desired|possible|that)\b/.test(own) && !isFirmCondition(own))
        return 'an offer that waits on the reader';
      return null;
    },
    weaken: true,
  },
  {
    id: 'hedge',
    why: '"I\'ll try to get it done" is hedged: the guideline calls it borderline at best',
    check: (c, lexicon) => {
      // The promise's own clause: "it might be worth raising an issue - I'll do that" is not hedged.
      const end = (c.hit.act?.start ?? c.hit.start) + (c.hit.act?.text.length ?? 0) + 12;
      // "We will continue to review them and will notify you": a promise joined on by "and" is hedged by its own clause.
      const joined = c.sentence.slice(c.hit.start, c.hit.act?.start ?? c.hit.start).search(LAST_JOINT);
      const start = joined >= 0 ? c.hit.start + joined : c.hit.start;
      // "Let me see if I can find it" promises the looking: "if I can" there is what is looked for, not a hedge.
      const upToVerb = (joined >= 0 ? '' : clauseBefore(c.sentence, c.hit.start)) + c.sentence.slice(start, end);
      const plain = upToVerb.toLowerCase().replace(/\bsee (?:if|whether) (?:i|we) can\b/g, 'see');
      const hedge =
        lexicon.hedges.find((h) => wordIn(plain, h)) ??
        (lexicon.hedges.includes(c.action.verb) ? c.action.verb : undefined);
      return hedge ? `hedged with '${hedge}'` : null;
    },
    weaken: true,
  },
  {
    id: 'reader-acts',
    why: '"Can you let me know", "so that I can start", "I\'ll leave that to you": the reader acts, or the promise is a purpose',
    check: (c) => {
      if (/\b(?:you|please)\s*$/.test(before(c))) return 'the reader is the one asked to act';
      // "so that I can start" is a purpose; "…, so I will fix it" is a result, and a promise.
      const resultClause = /^(?:i|we)\s*(?:will|['’]ll|shall|am going|are going|['’](?:m|re) going)\b/i.test(
        c.hit.matchText,
      );
      if (/\bso that\s*$|\bin order\s*$/.test(before(c)) || (/\bso\s*$/.test(before(c)) && !resultClause))
        return 'a purpose clause, not a promise';
      if (/\b(?:leave|defer)\b.*\b(?:to|up to) (?:you|your)\b|\blet you (?:decide|choose|handle)\b/.test(fromHit(c)))
        return 'leaves the decision to the reader';
      return null;
    },
  },
  {
    id: 'reported-speech',
    why: '"He said we will send it", "we could be seen to have announced that we will drop it" report words, not make them',
    check: (c) => {
      const report = REPORTING.exec(before(c));
      // "As I indicated, I will send it Friday": the sender repeating a promise of their own still makes it.
      return report && !/\b(?:i|we)\s+(?:\w+\s+)?$/.test(before(c).slice(0, report.index)) ? 'reported speech' : null;
    },
  },
  {
    id: 'quoted-words',
    why: '\'This is what I plan to say: "I will veto any bill"\': words quoted for saying are a text, not the promise made here',
    check: (c) => (OPEN_QUOTATION.test(c.sentence.slice(0, c.hit.start)) ? 'words in quotation marks' : null),
  },
  {
    id: 'obligation',
    why: '"We will have to allocate", "I will need to get contracts signed" state a necessity, not what the sender promises',
    check: (c) =>
      /^(?:we\s*(?:will|'ll|’ll|shall)\s+(?:\w+\s+)?(?:have|need)|i\s*(?:will|'ll|’ll|shall)\s+(?:\w+\s+)?need) to\b/.test(
        fromHit(c),
      )
        ? 'a necessity, not a promise'
        : null,
  },
  {
    id: 'attendance-only',
    why: '"I will attend", "I\'ll join the call", "I\'ll be calling in from Anchorage" or "we will have activities Thursday" is attendance or an event announced: borderline in the guideline',
    check: (c, lexicon) => {
      if (
        CALLING_IN.test(fromVerb(c)) ||
        (/^(?:attend|join|participate|go|come)\b/.test(c.action.phrase) &&
          !/\bgo (?:over|through|ahead)\b/.test(c.action.phrase)) ||
        /^meet (?:you|u|y'all|everyone) (?:there|at|in|outside|downstairs|out front)\b/.test(c.action.phrase)
      )
        return 'attendance only';
      // The whole rest of the sentence: the action phrase stops at "on Thursday" or "at 4:30".
      return lexicon.hostedEvents.some((p) => p.test(fromVerb(c))) ? 'an event announced, not a promise' : null;
    },
  },
  {
    id: 'state-or-whereabouts',
    why: '"I\'ll be out of the office Monday", "I am going to take two weeks off", "we will fly to Nome on Friday", "I will have my Blackberry with me", "I will be checking email" or "I will return on the 18th" tells where the sender is; it promises nothing',
    check: (c) =>
      c.action.verb === 'be' ||
      /^take\b.*\b(?:off|vacation|holiday|leave)\b/.test(c.action.phrase) ||
      /^have (?:my|our) [\w-]+ with (?:me|us)\b/.test(c.action.phrase) ||
      ((RETURNING.test(c.action.phrase) || KEEPING_WATCH.test(c.action.phrase) || TRAVELLING.test(fromVerb(c))) &&
        !/\band\b/.test(fromHit(c)))
        ? 'describes the sender, no action'
        : null,
  },
  {
    id: 'non-action-verb',
    why: '"I\'ll need the laptop" or "I will miss you" name a state or feeling, not an action',
    check: (c, lexicon) => {
      // The whole rest of the sentence: the action phrase may stop before "if" ("let me see | if I can find it").
      const written = fromVerb(c);
      const opens = (text: string, p: string) => text === p || text.startsWith(`${p} `);
      // Multi-word entries ("get through", "have a") match the start of the action phrase; the longer of an action
      // phrase and a non-action one decides ("see what" acts, "see what happens" waits).
      const phrase = c.action.phrase;
      let idiom: string | undefined;
      for (const words of lexicon.nonActionVerbs) {
        if (words.includes(' ') && (opens(phrase, words) || opens(written, words))) idiom ??= words;
      }
      const act = lexicon.actionPhrases.find((p) => opens(phrase, p) || opens(written, p));
      if (act && (!idiom || act.length >= idiom.length)) return null;
      if (idiom) return `'${idiom}' is not an action`;
      if (lexicon.nonActionVerbs.has(c.action.verb)) return `'${c.action.verb}' is not an action`;
      return null;
    },
  },
  ABOUT_THE_MAIL,
  {
    id: 'polite-closer',
    why: '"Talk to you soon" or "Let me know if you have questions" close a mail politely',
    check: (c, lexicon) => {
      const closer = lexicon.closers.find((p) => p.test(fromHit(c)));
      return closer ? 'a polite closer' : null;
    },
  },
];

/** The first refiner that drops the candidate wins; failing that, the first that weakens it. */
export function refine(candidate: Candidate, lexicon: Lexicon): Verdict | null {
  let weakened: Verdict | null = null;
  for (const refiner of REFINERS) {
    const reason = refiner.check(candidate, lexicon);
    if (!reason) continue;
    if (!refiner.weaken) return { refiner: refiner.id, reason, weakened: false };
    weakened ??= { refiner: refiner.id, reason, weakened: true };
  }
  return weakened;
}
