// What the refiners work on and say: a candidate promise (a rule's hit in a sentence, with its action), a refiner,
// and its verdict. Types only, in a file of their own so a refiner kept in its own file (about-the-mail.ts) and the
// ordered list that holds it (refiners.ts) both import downward.
import type { ResolvedAction } from './action.js';
import type { RuleHit } from './nlp.js';
import type { Lexicon } from './rules.js';

export interface Candidate {
  sentence: string;
  hit: RuleHit;
  action: ResolvedAction;
}

export interface Refiner {
  id: string;
  why: string;
  /** A reason to drop the candidate, or null to keep it. */
  check(candidate: Candidate, lexicon: Lexicon): string | null;
  /** Down-weight instead of drop: the promise is real but weak (the guideline's "borderline"). */
  weaken?: boolean;
}

export interface Verdict {
  refiner: string;
  reason: string;
  /** true: keep it with a lower confidence; false: drop it. */
  weakened: boolean;
}
