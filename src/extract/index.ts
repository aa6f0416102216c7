// The extract stage: Message → commitments and whether the mail expects a reply. Pure once built.
import type { Extraction, Message } from '../types.js';
import { type Analyser, createAnalyser } from './analyse.js';
import { loadRules, type RuleSet } from './rules.js';

export type { Analysis, SentenceTrace } from './analyse.js';

export interface Extractor extends Analyser {
  extract(message: Message): Extraction;
}

/** Builds the rule nets once; reuse the extractor for every mail. */
/** `country` decides which named holidays due dates may name (the config's `country`). */
export function createExtractor(rules: RuleSet = loadRules(), minConfidence?: number, country?: string): Extractor {
  const analyser = createAnalyser(rules, minConfidence, country);
  return {
    analyse: analyser.analyse,
    extract(message) {
      const { commitments, expectsReply } = analyser.analyse(message, { quick: true });
      return { commitments, expectsReply };
    },
  };
}
