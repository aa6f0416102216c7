// Loads the detection rules from rules/*.json once, checks their shape, and rejects duplicates:
// compromise's buildNet silently drops a repeated match string, which would hide a rule.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Rule {
  id: string;
  why: string;
  /** compromise match syntax; for commitments it names the promised verb as the group <act>. */
  match: string;
  /** compromise match syntax; any one that the sentence holds vetoes the rule. A string in the file is one. */
  notIf?: string[];
  confidence: number;
  /** The rule counts only when its sentence names when ("let's talk" alone plans nothing). */
  requiresDue?: boolean;
  /** A request rule counts on a sentence of more words than this only when the sentence names whom it asks
   * ("you", "your", or a name in front): a long bare-verb line addressed to no one is a note or a plan. */
  unaddressedUpTo?: number;
  /** A fixed action phrase, for acceptances that name no verb of their own ("Will do."). */
  action?: string;
  examples: { hit: string[]; miss: string[] };
}

export interface Lexicon {
  chainPatterns: RegExp[];
  nonActionVerbs: Set<string>;
  /** "see whether", "have a look": phrases that act although their first verb alone would not. */
  actionPhrases: string[];
  /** What the sender does in the mail itself, or a deferral to others: never a promise. */
  aboutTheMail: RegExp[];
  /** "We will have activities on Thursday": an event announced, which nobody relies on the sender for. */
  hostedEvents: RegExp[];
  hedges: string[];
  closers: RegExp[];
  offerClosers: RegExp[];
  /** "Let me know if you see any problems": an offer's shape that still awaits an answer (read before offerClosers). */
  answerInvites: RegExp[];
  /** "Who knows?", "Why not?": questions that ask for no answer. */
  rhetoricalQuestions: RegExp[];
  /** "Email me your number and I will call you": the text before a promise that asks the reader to act first. */
  requestFirst: RegExp[];
}

export interface RuleSet {
  commitments: Rule[];
  requests: Rule[];
  /** Signs in sent mail that a deal closed or a delivery happened (rules/milestones.json): a check-in follows. */
  milestones: Rule[];
  lexicon: Lexicon;
}

/** rules/ sits at the package root: two levels above src/extract, three above dist/src/extract. */
export function rulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'rules', 'commitments.json'))) return join(dir, 'rules');
    dir = dirname(dir);
  }
  throw new Error('rules/commitments.json not found above the extract module');
}

function readJson(dir: string, file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
}

function checkRules(file: string, value: unknown): Rule[] {
  if (!Array.isArray(value)) throw new Error(`${file}: "rules" must be an array`);
  const ids = new Set<string>();
  const matches = new Set<string>();
  return value.map((raw: Partial<Omit<Rule, 'notIf'>> & { notIf?: string | string[] }, index) => {
    const where = `${file}: rule ${raw.id ?? `#${index + 1}`}`;
    if (typeof raw.id !== 'string' || !raw.id) throw new Error(`${where}: needs an "id"`);
    if (typeof raw.why !== 'string' || !raw.why) throw new Error(`${where}: needs a one-line "why"`);
    if (typeof raw.match !== 'string' || !raw.match) throw new Error(`${where}: needs a compromise "match"`);
    if (typeof raw.confidence !== 'number' || raw.confidence <= 0 || raw.confidence > 1)
      throw new Error(`${where}: "confidence" must be a number in (0, 1]`);
    if (!raw.examples || !Array.isArray(raw.examples.hit) || raw.examples.hit.length === 0)
      throw new Error(`${where}: needs examples.hit (at least one) and examples.miss`);
    if (ids.has(raw.id)) throw new Error(`${where}: duplicate id`);
    if (matches.has(raw.match)) throw new Error(`${where}: duplicate match "${raw.match}"`);
    ids.add(raw.id);
    matches.add(raw.match);
    const notIf = raw.notIf === undefined ? undefined : Array.isArray(raw.notIf) ? raw.notIf : [raw.notIf];
    if (notIf?.some((n) => typeof n !== 'string' || !n))
      throw new Error(`${where}: "notIf" must be a match or a list of them`);
    if (raw.unaddressedUpTo !== undefined && !(Number.isInteger(raw.unaddressedUpTo) && raw.unaddressedUpTo > 0))
      throw new Error(`${where}: "unaddressedUpTo" must be a whole number of words`);
    return { ...raw, notIf, examples: { hit: raw.examples.hit, miss: raw.examples.miss ?? [] } } as Rule;
  });
}

function words(section: unknown): string[] {
  return ((section as { words?: string[] } | undefined)?.words ?? []).map((w) => w.toLowerCase());
}

function patterns(section: unknown): RegExp[] {
  return ((section as { patterns?: string[] } | undefined)?.patterns ?? []).map((p) => new RegExp(p, 'i'));
}

export function loadRules(dir = rulesDir()): RuleSet {
  const lexicon = readJson(dir, 'lexicon.json');
  return {
    commitments: checkRules('commitments.json', readJson(dir, 'commitments.json').rules),
    requests: checkRules('requests.json', readJson(dir, 'requests.json').rules),
    milestones: existsSync(join(dir, 'milestones.json'))
      ? checkRules('milestones.json', readJson(dir, 'milestones.json').rules)
      : [],
    lexicon: {
      chainPatterns: patterns(lexicon.chainVerbs),
      nonActionVerbs: new Set(words(lexicon.nonActionVerbs)),
      actionPhrases: words(lexicon.actionPhrases),
      aboutTheMail: patterns(lexicon.aboutTheMail),
      hostedEvents: patterns(lexicon.hostedEvents),
      hedges: words(lexicon.hedges),
      closers: patterns(lexicon.closers),
      offerClosers: patterns(lexicon.offerClosers),
      answerInvites: patterns(lexicon.answerInvites),
      rhetoricalQuestions: patterns(lexicon.rhetoricalQuestions),
      requestFirst: patterns(lexicon.requestFirst),
    },
  };
}
