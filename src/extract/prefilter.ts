// A cheap test in front of compromise, derived from the rules themselves: the words each compiled match requires
// (compromise's own parseMatch), so a rule added to rules/*.json is screened by its own words and can never be
// screened out by a list kept somewhere else. A sentence reaches compromise only when some rule could match it.
import { compiledTerms, lexiconTag, type MatchTerm } from './nlp.js';
import type { Rule } from './rules.js';

/** What the prefilter reads of a sentence: its words, and the words that can open a clause (for `^` rules). */
export interface SentenceWords {
  words: ReadonlySet<string>;
  /** null when they cannot be told (a clause opens with a number): then every `^` rule may match. */
  openers: ReadonlySet<string> | null;
  /** The most terms compromise may give a clause that opens with a term it could tag as a verb (see verbCapable);
   * 0 when no clause does, Infinity when compromise may merge the clause with the next. */
  verbClauseTerms: number;
  /** The sentence's first word when it is certainly compromise's first term (a plain word, first thing), else null. */
  first: string | null;
  /** The forms of each word token in order, for the pairs of words compromise may set side by side (hasPair). */
  tokens: readonly (readonly string[])[];
}

/** Alternatives, each a list of words that must all be present. */
type Alternatives = string[][];

interface Needs {
  /** One entry per required term: the sentence must satisfy one alternative of each. */
  terms: Alternatives[];
  /** A `^` rule that opens with fixed words: a clause must open with one of them. */
  openWith: ReadonlySet<string> | null;
  /** A `^` rule that opens with a tag (an imperative): a clause must open with a word that can carry it. */
  openWithTag: boolean;
  /** The fewest terms a match of the rule spans (each term that is not optional counts one). */
  minTerms: number;
  /** Words that veto the rule when the mail's sentence opens with them (`notIf: "^(thanks|hope|…)"`). */
  vetoFirst: ReadonlySet<string>;
  /** Two fixed words the match needs side by side ("i will", "let me"), as first word → the words that may follow
   * it: the sentence must hold one such pair. */
  adjacent: ReadonlyMap<string, ReadonlySet<string>>[];
}

/** Fields of a compiled term that the prefilter cannot read ahead of compromise: such a term constrains nothing. */
const OPAQUE = ['negative', 'root', 'fuzzy', 'regex', 'method', 'machine', 'id', 'switch', 'chunk'] as const;
const LITERAL = /^[a-z0-9]+$/;
/** "y'all", "e-mail": a word of parts joined by an apostrophe or a hyphen. */
const JOINED = /^[a-z0-9]+(?:['-][a-z0-9]+)+$/;

/** The words a sentence must hold for compromise to match the word: the word itself, or for a joined word its
 * parts (sentenceWords holds the parts of every joined token, however compromise splits it); null if unforeseeable. */
function wordNeeds(word: string): string[] | null {
  if (LITERAL.test(word)) return [word];
  return JOINED.test(word) ? word.split(/['-]/) : null;
}

function alternatives(term: MatchTerm): Alternatives | null {
  if (term.optional || OPAQUE.some((field) => field in term)) return null;
  if (term.word !== undefined) {
    const needs = wordNeeds(term.word);
    return needs ? [needs] : null;
  }
  if (term.fastOr) {
    const words = [...term.fastOr].map(wordNeeds);
    return words.every((w) => w !== null) ? (words as string[][]) : null;
  }
  if (term.choices) {
    const result: Alternatives = [];
    for (const choice of term.choices) {
      // Inside one choice, only terms with a single alternative add required words; any choice without one
      // can match words the prefilter cannot foresee, so the whole term then constrains nothing.
      const words = choice.flatMap((t) => {
        const a = alternatives(t);
        return a?.length === 1 ? (a[0] ?? []) : [];
      });
      if (words.length === 0) return null;
      result.push(words);
    }
    return result;
  }
  return null;
}

/** The single words a `^` veto names: a sentence opening with one of them can never match the rule. */
function vetoWords(notIf: readonly string[] | undefined): Set<string> {
  const words = new Set<string>();
  for (const veto of notIf ?? []) {
    const terms = compiledTerms(veto);
    const first = terms[0];
    // "^have a" needs its second word too: only a veto of one term, at the start, is decided by the first word.
    if (terms.length !== 1 || !first?.start || first.optional || OPAQUE.some((field) => field in first)) continue;
    const single = first.choices
      ? first.choices.map((choice) =>
          choice.length === 1 && !choice[0]?.optional && !choice[0]?.tag ? choice[0]?.word : undefined,
        )
      : first.fastOr
        ? [...first.fastOr]
        : [first.word];
    for (const word of single) if (word !== undefined && LITERAL.test(word)) words.add(word);
  }
  return words;
}

/** The single plain words one term matches, exactly once ("i", "(will|shall)"), or null: a term that is optional,
 * repeats, or may match more than one word of its own says nothing about its neighbours. */
function singleWords(term: MatchTerm | undefined): string[] | null {
  if (!term || term.optional || term.min !== undefined || 'greedy' in term || OPAQUE.some((field) => field in term))
    return null;
  const words = term.word !== undefined ? [term.word] : term.fastOr ? [...term.fastOr] : null;
  return words?.every((w) => LITERAL.test(w)) ? words : null;
}

/** Each pair of consecutive terms that are both single words: the sentence must hold one of their pairs. */
function adjacentNeeds(compiled: readonly MatchTerm[]): Map<string, Set<string>>[] {
  const needs: Map<string, Set<string>>[] = [];
  for (let i = 1; i < compiled.length; i++) {
    const left = singleWords(compiled[i - 1]);
    const right = singleWords(compiled[i]);
    if (left && right) needs.push(new Map(left.map((a) => [a, new Set(right)])));
  }
  return needs;
}

/**
 * Two of compromise's terms are side by side only where no word of the sentence stands between them: either in
 * two neighbouring tokens (punctuation between them is no term: "and, will") or inside one token it splits
 * ("i'll" is "i" "will", "e-mail-me" is "e" "mail" "me"). Any form of one token then any form of the same or the
 * next token is a superset of the pairs compromise can make, so a rule whose pair is missing can never match.
 */
function hasPair(tokens: SentenceWords['tokens'], pairs: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  for (let i = 0; i < tokens.length; i++) {
    for (const a of tokens[i] ?? []) {
      const next = pairs.get(a);
      if (next && [tokens[i], tokens[i + 1]].some((forms) => forms?.some((b) => next.has(b)))) return true;
    }
  }
  return false;
}

export function needsOf(rule: Pick<Rule, 'match' | 'notIf'>): Needs {
  const compiled = compiledTerms(rule.match);
  const terms = compiled.map(alternatives).filter((a): a is Alternatives => a !== null);
  const first = compiled[0];
  const opens = first?.start === true && !first.optional;
  const firstWords = opens && first ? alternatives(first) : null;
  return {
    terms,
    openWith: firstWords ? new Set(firstWords.map((words) => words[0] ?? '')) : null,
    openWithTag: opens && !firstWords && first !== undefined && opensWithVerb(first),
    minTerms: compiled.filter((t) => !t.optional && (t.min ?? 1) > 0).length,
    vetoFirst: vetoWords(rule.notIf),
    adjacent: adjacentNeeds(compiled),
  };
}

const VERB_TAGS = new Set(['Verb', 'Imperative', 'Infinitive', 'PresentTense', 'PastTense', 'Gerund', 'PhrasalVerb']);

/** The term asks for a verb tag and nothing else: `#Verb`, `(#Imperative|#Infinitive)`. */
function opensWithVerb(term: MatchTerm): boolean {
  const tags = term.choices ? term.choices.map((c) => (c.length === 1 ? c[0]?.tag : undefined)) : [term.tag];
  return tags.every((tag) => tag !== undefined && VERB_TAGS.has(tag));
}

/** Tags of words that never carry a verb tag, whatever the context: pronouns, articles, prepositions, … */
const CLOSED = new Set([
  'Determiner',
  'Pronoun',
  'Preposition',
  'Conjunction',
  'Possessive',
  'Copula',
  'Modal',
  'Auxiliary',
  'QuestionWord',
  'Negative',
  'Expression',
  'MaleName',
  'FemaleName',
  'FirstName',
  'LastName',
  'Honorific',
  'WeekDay',
  'Month',
  'Date',
  'Adverb',
]);

const canOpenWithVerb = (word: string): boolean => !CLOSED.has(lexiconTag(word) ?? '');

function satisfies(sentence: SentenceWords, needs: Needs): boolean {
  for (const term of needs.terms) if (!term.some((all) => all.every((w) => sentence.words.has(w)))) return false;
  if (sentence.first !== null && needs.vetoFirst.has(sentence.first)) return false;
  for (const pairs of needs.adjacent) if (!hasPair(sentence.tokens, pairs)) return false;
  const openers = sentence.openers;
  if (openers === null) return true;
  if (needs.openWith && ![...openers].some((w) => needs.openWith?.has(w))) return false;
  if (needs.openWithTag && sentence.verbClauseTerms < needs.minTerms) return false;
  return true;
}

/** A screen for a rule set: true when at least one of its rules could match the sentence. `counts`, when given,
 * says which rules' hits would count on this sentence: a rule whose hit would be thrown away is not screened for. */
export function compileScreen<R extends Pick<Rule, 'match' | 'notIf'>>(
  rules: readonly R[],
): (sentence: SentenceWords, counts?: (rule: R) => boolean) => boolean {
  const needs = rules.map((rule) => ({ rule, needs: needsOf(rule) }));
  return (sentence, counts) => needs.some((n) => (!counts || counts(n.rule)) && satisfies(sentence, n.needs));
}

/** How compromise reads contractions: "I'll" holds "will", "don't" holds "do" and "not", "let's" holds "us". */
// Maps, not object literals: a mail's word ("constructor") must never find a prototype's property.
const SUFFIX = new Map<string, readonly string[]>(
  Object.entries({
    ll: ['will', 'shall'],
    m: ['am'],
    re: ['are'],
    ve: ['have'],
    d: ['would', 'had', 'did'],
    s: ['is', 'has', 'us', 'was', 'does'],
  }),
);
const NOT_BASE = new Map<string, string>(Object.entries({ wo: 'will', ca: 'can', sha: 'shall', ai: 'is' }));
const BARE = new Map<string, readonly string[]>(
  Object.entries({
    im: ['i', 'am'],
    ive: ['i', 'have'],
    youre: ['you', 'are'],
    lets: ['let', 'us'],
    gonna: ['going', 'to'],
    wanna: ['want', 'to'],
    gotta: ['got', 'to'],
    cannot: ['can', 'not'],
    dont: ['do', 'not'],
    cant: ['can', 'not'],
    wont: ['will', 'not'],
  }),
);
const AUX_NT = /^(do|does|did|is|are|was|were|have|has|had|could|would|should|must|need|might)nt$/;

/** Every form compromise may give the word: as written, its parts, and what a contraction stands for. */
function forms(token: string): string[] {
  const out = [token, ...token.split(/['-]/), token.replace(/-/g, '')];
  const apostrophe = token.lastIndexOf("'");
  if (token.endsWith("n't")) out.push('not', NOT_BASE.get(token.slice(0, -3)) ?? token.slice(0, -3));
  else if (apostrophe > 0) out.push(...(SUFFIX.get(token.slice(apostrophe + 1)) ?? []));
  out.push(...(BARE.get(token) ?? []));
  const nt = AUX_NT.exec(token);
  if (nt?.[1]) out.push(nt[1], 'not');
  return out;
}

/** The forms compromise may give the first term of the token, when the token opens a clause: "i'm" opens with
 * "i" (compromise splits it into "i" "am"), never with "am"; "won't" with "will"; "e-mail" with "e" or "email". */
function openingForms(token: string): string[] {
  const out = [token, token.split(/['-]/)[0] ?? token, token.replace(/-/g, '')];
  if (token.endsWith("n't")) out.push(NOT_BASE.get(token.slice(0, -3)) ?? token.slice(0, -3));
  const bare = BARE.get(token);
  if (bare?.[0]) out.push(bare[0]);
  const nt = AUX_NT.exec(token);
  if (nt?.[1]) out.push(nt[1]);
  return out;
}

/** Whether the first term of an opening token could carry a verb tag. A contraction's first term is the part
 * before its apostrophe ("I'm" is "i" "am", "that's" is "that" "is", "Bob's" is a possessive name), and for
 * "n't" its base ("can't" opens with "can"): when that part is a closed word, no verb opens the clause. */
function verbCapable(token: string): boolean {
  const apostrophe = token.indexOf("'");
  if (apostrophe > 0) {
    const head = token.endsWith("n't")
      ? (NOT_BASE.get(token.slice(0, -3)) ?? token.slice(0, -3))
      : token.slice(0, apostrophe);
    return canOpenWithVerb(head);
  }
  return openingForms(token).some(canOpenWithVerb);
}

/** A `^` in a rule anchors at the start of one of compromise's own sentences, and compromise splits only at line
 * breaks and after . ! ? (its tokenizer's split marks; it merges some back, after an abbreviation): so a clause
 * opens at the start, at a line break and after those marks when a space follows ("3.5", "e.g" split nothing),
 * never after a colon, a semicolon or a bracket. */
const TOKEN = /[a-z0-9]+(?:['-][a-z0-9]+)*|[.!?\u203D\u2E18\u203C\u2047-\u2049]+(?=\s)|[\n\r]/g;

/** The most terms compromise can make of a stretch of text: one per run of non-space, plus one for each break
 * inside it (a hyphen, an apostrophe, a slash, a dash run it may split at). */
function mostTerms(text: string): number {
  let terms = 0;
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '') continue;
    terms += 1 + (chunk.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').match(/[^a-z0-9]+/g)?.length ?? 0);
  }
  return terms;
}

export function sentenceWords(sentence: string): SentenceWords {
  const text = sentence
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'");
  const words = new Set<string>();
  const tokens: string[][] = [];
  const openers = new Set<string>();
  let opening = true;
  let anyOpener = false;
  let verbClauseTerms = 0;
  let clauseStart = 0;
  let clauseVerb = false;
  // A clause ends at a line break (compromise never merges across one) or at . ! ? (it may merge back: then the
  // clause may run on, and its length is not known here).
  const endClause = (end: number, merged: boolean) => {
    if (clauseVerb)
      verbClauseTerms = Math.max(
        verbClauseTerms,
        merged ? Number.POSITIVE_INFINITY : mostTerms(text.slice(clauseStart, end)),
      );
    clauseVerb = false;
  };
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (!/[a-z0-9]/.test(token)) {
      endClause(match.index, !/[\n\r]/.test(token));
      clauseStart = match.index + token.length;
      opening = true;
      continue;
    }
    const all = forms(token);
    for (const w of all) words.add(w);
    tokens.push(all);
    if (opening) {
      // A clause opening with a number: compromise's first term there is not foreseeable, so any opening goes.
      if (/^\d/.test(token)) anyOpener = true;
      for (const w of openingForms(token)) openers.add(w);
      clauseVerb = verbCapable(token);
      opening = false;
    }
  }
  endClause(text.length, false);
  const first = /^\s*([a-z]+)(?![a-z0-9'-])/.exec(text)?.[1] ?? null;
  return { words, openers: anyOpener ? null : openers, verbClauseTerms, first, tokens };
}

/** sentenceWords for one mail, each sentence read once for every detector that screens it (see parsePerMail). */
export function wordsPerMail(): (sentence: string) => SentenceWords {
  const read = new Map<string, SentenceWords>();
  return (sentence) => {
    let words = read.get(sentence);
    if (!words) read.set(sentence, (words = sentenceWords(sentence)));
    return words;
  };
}
