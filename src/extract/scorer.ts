// The learned second stage: a small logistic model over sentenceFeatures that keeps or drops the sentences the
// rules found candidates in. The rules stay the first stage (no candidate, no promise); the model only re-decides.
// Weights are data in rules/scorer.json, written by `followthru train`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CandidateTrace, SentenceDecider } from './trace.js';
import { sentenceFeatures } from './features.js';

export interface ScorerModel {
  /** Off: extraction is the rules alone and `explain` only shows what the model would say. */
  enabled: boolean;
  /** Keep a candidate sentence when its probability reaches this. */
  threshold: number;
  weights: Record<string, number>;
}

export interface Example {
  features: string[];
  /** 1: a firm promise in gold; 0: not a promise. */
  label: 0 | 1;
}

export interface TrainOptions {
  /** L2 penalty per example (the loss is the mean log-loss). */
  l2?: number;
  iterations?: number;
  rate?: number;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

export function probability(model: ScorerModel, features: string[]): number {
  let z = 0;
  for (const f of features) z += model.weights[f] ?? 0;
  return sigmoid(z);
}

/** The features that pushed hardest either way, for `explain`. */
export function topFeatures(model: ScorerModel, features: string[], count = 5): { feature: string; weight: number }[] {
  return features
    .map((feature) => ({ feature, weight: model.weights[feature] ?? 0 }))
    .filter((f) => f.weight !== 0)
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || a.feature.localeCompare(b.feature))
    .slice(0, count);
}

/**
 * L2-regularised logistic regression by full-batch gradient descent with per-feature AdaGrad steps. Full batch,
 * no shuffling: the same examples always give the same weights, with no seed to carry around.
 */
export function train(examples: Example[], options: TrainOptions = {}): Record<string, number> {
  const { l2 = 1e-3, iterations = 300, rate = 0.5 } = options;
  const index = new Map<string, number>();
  const rows = examples.map((e) => e.features.map((f) => index.get(f) ?? index.set(f, index.size).get(f)!));
  const w = new Float64Array(index.size);
  const squared = new Float64Array(index.size);
  const grad = new Float64Array(index.size);
  const n = Math.max(1, examples.length);
  for (let step = 0; step < iterations; step++) {
    grad.fill(0);
    rows.forEach((row, i) => {
      let z = 0;
      for (const j of row) z += w[j]!;
      const error = sigmoid(z) - examples[i]!.label;
      for (const j of row) grad[j]! += error / n;
    });
    for (let j = 0; j < w.length; j++) {
      const g = grad[j]! + l2 * w[j]!;
      squared[j]! += g * g;
      w[j]! -= (rate * g) / (Math.sqrt(squared[j]!) + 1e-8);
    }
  }
  const weights: Record<string, number> = {};
  for (const [feature, j] of [...index].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (Math.abs(w[j]!) >= 1e-3) weights[feature] = Math.round(w[j]! * 1e4) / 1e4;
  }
  return weights;
}

/**
 * The candidate a sentence's commitment is built from. decision undefined: the rules alone (a kept candidate, the
 * strongest); true/false: the scorer's word, taking the strongest candidate, kept ones first, when it says keep.
 */
export function bestCandidate(candidates: CandidateTrace[], decision?: boolean): CandidateTrace | undefined {
  const pool = decision === undefined ? candidates.filter((c) => c.kept) : decision ? candidates : [];
  return [...pool].sort((a, b) => Number(b.kept) - Number(a.kept) || b.confidence - a.confidence)[0];
}

export function checkModel(file: string, raw: unknown): ScorerModel {
  const value = raw as Partial<ScorerModel> | null;
  if (!value || typeof value.threshold !== 'number' || value.threshold <= 0 || value.threshold >= 1)
    throw new Error(`${file}: "threshold" must be a number in (0, 1)`);
  if (
    !value.weights ||
    typeof value.weights !== 'object' ||
    Object.values(value.weights).some((w) => typeof w !== 'number' || !Number.isFinite(w))
  )
    throw new Error(`${file}: "weights" must map feature names to numbers`);
  if (typeof value.enabled !== 'boolean') throw new Error(`${file}: "enabled" must be true or false`);
  return { enabled: value.enabled, threshold: value.threshold, weights: value.weights };
}

/** rules/scorer.json, or null when no model has been trained. */
export function loadScorer(dir: string): ScorerModel | null {
  const file = join(dir, 'scorer.json');
  return existsSync(file) ? checkModel('scorer.json', JSON.parse(readFileSync(file, 'utf8'))) : null;
}

/** The analyser's second stage: keep a candidate sentence when the model's probability reaches the threshold. */
export function scorerDecider(model: ScorerModel): SentenceDecider {
  return (text, candidates, index) => probability(model, sentenceFeatures(text, candidates, index)) >= model.threshold;
}
