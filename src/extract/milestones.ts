// "The contract is signed", "your order has shipped": the moments after which the user should touch base again
// (rules/milestones.json). Pure once built; at most one milestone per rule per mail.
import type { Milestone } from '../types.js';
import { compileMatcher } from './nlp.js';
import type { Rule } from './rules.js';
import { splitSentences } from './sentences.js';

export type MilestoneDetector = (newText: string) => Milestone[];

export function createMilestoneDetector(rules: Rule[]): MilestoneDetector {
  if (rules.length === 0) return () => [];
  const match = compileMatcher(rules);
  return (newText) => {
    const found = new Map<string, Milestone>();
    for (const sentence of splitSentences(newText)) {
      for (const hit of match(sentence)) if (!found.has(hit.ruleId)) found.set(hit.ruleId, { rule: hit.ruleId, sentence });
    }
    return [...found.values()];
  };
}
