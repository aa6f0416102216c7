// The learned scorer's data: every candidate sentence the rules found in a labelled corpus, labelled from gold the
// way score.mjs matches (sameText), and the leave-one-corpus-out figures that say whether the scorer generalises.
import type { SentenceTrace } from '../extract/index.js';
import { sentenceFeatures } from '../extract/features.js';
import { bestCandidate, type Example, probability, type ScorerModel, train } from '../extract/scorer.js';
import { type GoldMessage, type Prediction, sameText, type Score, score } from './eval-score.js';

/** One mail as the rules alone read it: enough to re-decide its commitments under any model. */
export interface TracedMail {
  file: string;
  expectsReply: boolean;
  sentences: Pick<SentenceTrace, 'text' | 'candidates'>[];
}

export interface TracedCorpus {
  name: string;
  gold: GoldMessage[];
  mails: TracedMail[];
}

const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);

/** Firm gold → 1, nothing in gold → 0; a sentence that matches only a borderline item teaches nothing and is left out. */
export function examplesOf(corpus: TracedCorpus): Example[] {
  const goldByFile = new Map(corpus.gold.map((g) => [baseName(g.file), g.items ?? []]));
  const examples: Example[] = [];
  for (const mail of corpus.mails) {
    const items = goldByFile.get(baseName(mail.file)) ?? [];
    mail.sentences.forEach((s, index) => {
      if (s.candidates.length === 0) return;
      const matched = items.filter((item) => sameText(s.text, item.text));
      if (matched.length && matched.every((item) => item.strength === 'borderline')) return;
      examples.push({ features: sentenceFeatures(s.text, s.candidates, index), label: matched.length ? 1 : 0 });
    });
  }
  return examples;
}

/** The predictions extraction would make for these mails: the rules alone (model null), or rules then the model. */
export function predictionsOf(mails: TracedMail[], model: ScorerModel | null): Prediction[] {
  return mails.map((mail) => ({
    file: mail.file,
    expectsReply: mail.expectsReply,
    commitments: mail.sentences.flatMap((s, index) => {
      const decision =
        model && s.candidates.length
          ? probability(model, sentenceFeatures(s.text, s.candidates, index)) >= model.threshold
          : undefined;
      const best = bestCandidate(s.candidates, decision);
      return best ? [{ text: s.text, due: best.due?.date ?? null }] : [];
    }),
  }));
}

export const THRESHOLD = 0.5;

export function trainScorer(corpora: TracedCorpus[], enabled: boolean): ScorerModel {
  return { enabled, threshold: THRESHOLD, weights: train(corpora.flatMap(examplesOf)) };
}

/** For each corpus: the rules alone, and rules + a scorer trained on the other corpora only (its held-out figure). */
export function leaveOneOut(corpora: TracedCorpus[]): { name: string; rules: Score; scorer: Score }[] {
  return corpora.map((corpus) => {
    const model = trainScorer(
      corpora.filter((c) => c !== corpus),
      true,
    );
    return {
      name: corpus.name,
      rules: score(corpus.gold, predictionsOf(corpus.mails, null)),
      scorer: score(corpus.gold, predictionsOf(corpus.mails, model)),
    };
  });
}
