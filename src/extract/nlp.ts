// The compromise adapter: the only file that imports compromise. Builds each rule net once, parses a sentence
// once for every rule set, and tells the prefilter which words each rule's match requires.
import { createRequire } from 'node:module';
import type NLP from 'compromise';

// The package's bundled build (one file) instead of its ESM sources (hundreds): the same code, loaded in a third
// of the time at start-up.
const nlp = createRequire(import.meta.url)('compromise') as typeof NLP;
import type { Rule } from './rules.js';

export interface RuleHit {
  ruleId: string;
  /** Character offset of the match in the sentence. */
  start: number;
  matchText: string;
  /** The promised verb as written, and where it starts; null for rules without an <act> group. */
  act: { text: string; start: number } | null;
}

/** A parsed sentence: parse once, then run any number of rule sets on it. */
export interface ParsedSentence {
  readonly text: string;
  readonly doc: ReturnType<typeof nlp>;
}

export type SentenceMatcher = (sentence: ParsedSentence) => RuleHit[];

interface Offset {
  text: string;
  offset: { start: number };
}

/** What a hit reads of a match: its text and where it starts, without a copy of every term (the default). The
 * types allow only an object for `terms`; compromise skips any field that is false. */
const TEXT_AND_OFFSET = { offset: true, terms: false } as unknown as Parameters<ReturnType<typeof nlp>['json']>[0];

/** A run of decoration ("*****", "=====", "_____") is no word; compromise would tag it as one (even a verb). */
const DECORATION = /[*=_~#]{3,}/g;

/** compromise's last step groups terms into chunks (a fifth of a parse); only chunk syntax (`<Noun>`) reads them.
 * It runs when a compiled rule asks for it (see compileMatcher), so a rule written with it still works. */
const world = nlp.world() as { hooks: string[] };
const CHUNKS = 'chunks';
const hadChunks = world.hooks.includes(CHUNKS);
let chunksRead = false;
world.hooks = world.hooks.filter((hook) => hook !== CHUNKS);

const readsChunks = (match: string): boolean => {
  const terms = compiledTerms(match);
  const visit = (list: MatchTerm[]): boolean => list.some((t) => 'chunk' in t || (t.choices ?? []).some(visit));
  return visit(terms);
};

const VERB_SLOT_WORD = /\b(?:will|shall|plan|planning|intend|intending|going)\b|'ll\b/i;
const NOT_A_VERB = ['ProperNoun', 'Pronoun', 'Value', 'Date'];
const NOT_A_VERB_WORD = new Set(['here', 'there', 'now', 'then']);
/** "I plan to brief the Governor", "we are going to table the motion": after these and "to" comes a verb. */
const PLAN_WORD = /^(?:plan|planning|intend|intending|going)$/;
/** What follows a verb's object: "brief | the Governor"; "going to lunch" has none, so "lunch" stays a noun. */
const OBJECT_START = ['Determiner', 'Possessive', 'Pronoun'];

interface Term {
  normal: string;
  machine?: string;
  tags: Set<string>;
}

/** A term as compromise reads it: "'ll" is "will". */
const word = (t: Term | undefined) => t?.machine ?? t?.normal ?? '';

/** Where a verb must stand in terms, after "I will" or "we shall" (past one adverb), or after "I plan to" when an
 * object follows; -1 when the word at i starts neither. */
function verbSlot(terms: Term[], i: number): number {
  if (/^(?:will|shall)$/.test(word(terms[i])) && /^(?:i|we)$/.test(word(terms[i - 1]))) {
    return terms[i + 1]?.tags.has('Adverb') ? i + 2 : i + 1;
  }
  if (word(terms[i]) !== 'to' || !PLAN_WORD.test(word(terms[i - 1]))) return -1;
  const firstPerson = terms.slice(Math.max(0, i - 4), i - 1).some((t) => /^(?:i|we)$/.test(word(t)));
  const object = terms[i + 2];
  if (!firstPerson || !object || !OBJECT_START.some((tag) => object.tags.has(tag))) return -1;
  return terms[i + 1]?.tags.has('Adjective') || terms[i + 1]?.tags.has('Noun') ? i + 1 : -1;
}

/** "I will call Room 216": the word after "I will" (or "we shall", past one adverb) is a verb, though compromise
 * may read "call Room" as a compound noun; so is "brief" in "I plan to brief the Governor". A walk over the terms:
 * a match query here cost a tenth of the parse. */
function tagVerbSlots(doc: ReturnType<typeof nlp>): void {
  const sentences = (doc as unknown as { docs: Term[][] }).docs;
  sentences.forEach((terms, n) => {
    for (let i = 1; i < terms.length; i++) {
      const at = verbSlot(terms, i);
      const next = terms[at];
      if (at < 0 || !next || NOT_A_VERB_WORD.has(next.normal)) continue;
      if (!next.tags.has('Noun') && !next.tags.has('Adjective')) continue;
      if (NOT_A_VERB.some((tag) => next.tags.has(tag))) continue;
      // compromise's types name one pointer; at run time update() reads a list of them.
      doc.update([[n, at, at + 1]] as unknown as Parameters<typeof doc.update>[0]).tag('Infinitive');
    }
  });
}

export function parseSentence(text: string): ParsedSentence {
  // "11:00 am--I will": a dash run glues words into one term; a comma of the same length keeps the offsets.
  // Decoration becomes spaces of the same length, so offsets stay those of the sentence.
  const plain = text.replace(/--/g, ', ').replace(DECORATION, (run) => ' '.repeat(run.length));
  const doc = nlp(plain);
  // "I will call Room 216": after "I will" comes a verb, though compromise reads "call Room" as a compound noun.
  if (VERB_SLOT_WORD.test(plain)) tagVerbSlots(doc);
  if (hadChunks && chunksRead) doc.compute(CHUNKS);
  return { text, doc };
}

export type Parse = (text: string) => ParsedSentence;

/** A parse for one mail: each of its sentences parsed at most once, for every rule set that reads it. Make one
 * per mail and let it go with the mail (it holds that mail's documents, nothing more). */
export function parsePerMail(): Parse {
  const docs = new Map<string, ParsedSentence>();
  return (text) => {
    let parsed = docs.get(text);
    if (!parsed) docs.set(text, (parsed = parseSentence(text)));
    return parsed;
  };
}

export function compileMatcher(rules: Rule[]): SentenceMatcher {
  chunksRead ||= rules.some((r) => [r.match, ...(r.notIf ?? [])].some(readsChunks));
  // buildNet mutates what it gets: hand it copies.
  // notIf is checked here against the whole sentence, not by buildNet: the net checks it only inside the
  // matched words, and cannot read multi-word alternatives there.
  const net = nlp.buildNet(rules.map((r) => ({ match: r.match, id: r.id })));
  // Each match string compiled once (compromise would compile it again on every call, for every sentence).
  const byId = new Map(
    rules.map((r) => [
      r.id,
      { id: r.id, match: nlp.parseMatch(r.match), notIf: (r.notIf ?? []).map((veto) => nlp.parseMatch(veto)) },
    ]),
  );
  return ({ doc }) => {
    const { found } = doc.sweep(net) as { found: { id?: string }[] };
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const f of found) {
      const rule = f.id ? byId.get(f.id) : undefined;
      if (!rule || seen.has(rule.id)) continue;
      seen.add(rule.id);
      if (rule.notIf.some((veto) => doc.has(veto))) continue;
      // A rule can match several clauses of one sentence ("we will be there and I will bring it"): keep each.
      // Group views lose their group names one by one, so pair each match with the <act> that lies inside it.
      const view = doc.match(rule.match);
      const acts = (view.groups('act') as ReturnType<typeof doc.match> | undefined)?.json(TEXT_AND_OFFSET) as
        Offset[] | undefined;
      for (const whole of view.json(TEXT_AND_OFFSET) as Offset[]) {
        const { start } = whole.offset;
        const act = acts?.find((a) => a.offset.start >= start && a.offset.start < start + whole.text.length + 1);
        hits.push({
          ruleId: rule.id,
          start,
          matchText: whole.text,
          act: act ? { text: act.text, start: act.offset.start } : null,
        });
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  };
}

/** One term of a compiled match, as compromise's parseMatch gives it (the fields the prefilter reads). */
export interface MatchTerm {
  optional?: boolean;
  start?: boolean;
  word?: string;
  fastOr?: Set<string>;
  choices?: MatchTerm[][];
  tag?: string;
  operator?: string;
  min?: number;
}

/** The terms of a match as compromise compiles it: the prefilter derives its words from these, never from a copy. */
export function compiledTerms(match: string): MatchTerm[] {
  return nlp.parseMatch(match) as MatchTerm[];
}

type Lexicon = Record<string, string | string[] | undefined>;
let lexicon: Lexicon | undefined;

/** The tag compromise's lexicon gives a word before any context is read, or null for a word it does not know. */
export function lexiconTag(word: string): string | null {
  lexicon ??= (nlp.world() as { model: { one: { lexicon: Lexicon } } }).model.one.lexicon;
  const tag = Object.hasOwn(lexicon, word) ? lexicon[word] : undefined;
  return Array.isArray(tag) ? (tag[0] ?? null) : (tag ?? null);
}
