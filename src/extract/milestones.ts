// "The contract is signed", "your order has shipped": the moments after which the user should touch base again
// (rules/milestones.json). Pure once built; at most one milestone per rule per mail.
import type { Milestone } from '../types.js';
import { compileMatcher, parseSentence } from './nlp.js';
import type { Rule } from './rules.js';
import { splitSentences } from './sentences.js';

/** Every rule's completing word (rules/milestones.json); a sentence without one cannot match. */
const MILESTONE_WORD = /\b(order|purchase|business|signed|countersigned|executed|closed|accepted|approved|shipped|delivered|installed|dispatched|sent out)\b/i;

export type MilestoneDetector = (newText: string) => Milestone[];

export function createMilestoneDetector(rules: Rule[]): MilestoneDetector {
  if (rules.length === 0) return () => [];
  const match = compileMatcher(rules);
  return (newText) => {
    const found = new Map<string, Milestone>();
    for (const sentence of splitSentences(newText)) {
      // A compromise parse costs more than the rest of a mail: only sentences with a milestone word get one.
      if (!MILESTONE_WORD.test(sentence)) continue;
      for (const hit of match(parseSentence(sentence))) if (!found.has(hit.ruleId)) found.set(hit.ruleId, { rule: hit.ruleId, sentence });
    }
    return [...found.values()];
  };
}
