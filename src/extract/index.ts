// The extract stage: Message → commitments and whether the mail expects a reply. Pure once built.
import type { Extraction, Message } from '../types.js';
import { type Analyser, createAnalyser, MAX_NEW_TEXT } from './analyse.js';
import { createMilestoneDetector } from './milestones.js';
import { parsePerMail } from './nlp.js';
import { wordsPerMail } from './prefilter.js';
import { loadRules, type RuleSet, rulesDir } from './rules.js';
import { loadScorer, type ScorerModel, scorerDecider } from './scorer.js';

export type { Analysis, SentenceTrace } from './analyse.js';

export interface Extractor extends Analyser {
  extract(message: Message): Extraction;
}

/** rules/scorer.json when it is switched on there ("enabled": true), else null: the rules alone. */
export function shippedScorer(dir = rulesDir()): ScorerModel | null {
  const model = loadScorer(dir);
  return model?.enabled ? model : null;
}

/** Builds the rule nets once; reuse the extractor for every mail. `country` decides which named holidays due
 * dates may name (the config's `country`); `scorer` is the learned second stage, or null for the rules alone. */
export function createExtractor(
  rules: RuleSet = loadRules(),
  minConfidence?: number,
  country?: string,
  scorer: ScorerModel | null = shippedScorer(),
): Extractor {
  const analyser = createAnalyser(rules, minConfidence, country, scorer ? scorerDecider(scorer) : undefined);
  const milestones = createMilestoneDetector(rules.milestones);
  return {
    analyse: analyser.analyse,
    extract(message) {
      const parse = parsePerMail();
      const words = wordsPerMail();
      const { commitments, expectsReply, sentences } = analyser.analyse(message, { quick: true, parse, words });
      // The analyser reads at most MAX_NEW_TEXT characters; the milestones read the whole new text.
      const whole = message.newText.length <= MAX_NEW_TEXT ? sentences.map((s) => s.text) : undefined;
      const found = milestones(message.newText, { parse, words, sentences: whole });
      return found.length > 0 ? { commitments, expectsReply, milestones: found } : { commitments, expectsReply };
    },
  };
}
