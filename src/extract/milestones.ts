// "The contract is signed", "your order has shipped": the moments after which the user should touch base again
// (rules/milestones.json). Pure once built; at most one milestone per rule per mail.
import type { Milestone } from '../types.js';
import { compileMatcher, type Parse, parseSentence } from './nlp.js';
import { compileScreen, type SentenceWords, sentenceWords } from './prefilter.js';
import type { Rule } from './rules.js';
import { splitSentences } from './sentences.js';

/** What the other detectors already read of the mail: its parse (see parsePerMail), its prefilter words
 * (wordsPerMail), and its sentences when they are those of the whole new text; so nothing is read twice (but a
 * sentence the OCR repair changed, which the other detectors read repaired and this one reads as written). */
export interface MailReading {
  parse?: Parse;
  words?: (sentence: string) => SentenceWords;
  sentences?: readonly string[];
}

export type MilestoneDetector = (newText: string, read?: MailReading) => Milestone[];

export function createMilestoneDetector(rules: Rule[]): MilestoneDetector {
  if (rules.length === 0) return () => [];
  const match = compileMatcher(rules);
  // The words the rules themselves require (see prefilter.ts): a compromise parse costs more than the rest of a
  // mail, so only a sentence some milestone rule could match gets one.
  const screen = compileScreen(rules);
  return (newText, { parse = parseSentence, words = sentenceWords, sentences } = {}) => {
    const found = new Map<string, Milestone>();
    for (const sentence of sentences ?? splitSentences(newText)) {
      if (!screen(words(sentence))) continue;
      for (const hit of match(parse(sentence)))
        if (!found.has(hit.ruleId)) found.set(hit.ruleId, { rule: hit.ruleId, sentence });
    }
    return [...found.values()];
  };
}
