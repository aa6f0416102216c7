// The learned second stage: a dot product over features, a deterministic trainer, and the shipped weights file.
import { describe, expect, it } from 'vitest';
import type { CandidateTrace } from '../../src/extract/trace.js';
import { sentenceFeatures } from '../../src/extract/features.js';
import { createExtractor, shippedScorer } from '../../src/extract/index.js';
import { loadRules, rulesDir } from '../../src/extract/rules.js';
import {
  bestCandidate,
  checkModel,
  loadScorer,
  probability,
  type ScorerModel,
  topFeatures,
  train,
} from '../../src/extract/scorer.js';
import { mailWith } from './helpers.js';

const model = (weights: Record<string, number>, threshold = 0.5): ScorerModel => ({
  enabled: true,
  threshold,
  weights,
});
const trace = (kept: boolean, confidence: number, rule = 'r'): CandidateTrace => ({
  rule,
  action: rule,
  kept,
  confidence,
  droppedBy: kept ? null : 'negation',
  reason: null,
  due: null,
  dueTrace: [],
});

describe('probability', () => {
  it('is the logistic of the summed weights of the features present', () => {
    expect(probability(model({ bias: -1, 'w:will': 2 }), ['bias', 'w:will', 'w:unknown'])).toBeCloseTo(
      1 / (1 + Math.exp(-1)),
      10,
    );
    expect(probability(model({}), ['bias'])).toBe(0.5);
  });

  it('gives a fixed candidate sentence a fixed probability under a tiny fixed model', () => {
    const features = sentenceFeatures(
      "I'll send it tomorrow.",
      [{ rule: 'first-person-will', kept: true, droppedBy: null, due: null }],
      0,
    );
    const tiny = model({ bias: -2, 'kept-clean': 1.5, 'b:send_it': 0.25, 'question-mark': -3 });
    expect(probability(tiny, features)).toBeCloseTo(1 / (1 + Math.exp(0.25)), 10);
  });

  it('names the features that pushed hardest, strongest first', () => {
    expect(topFeatures(model({ a: 0.1, b: -2, c: 1 }), ['a', 'b', 'c', 'd'], 2)).toEqual([
      { feature: 'b', weight: -2 },
      { feature: 'c', weight: 1 },
    ]);
  });
});

describe('train', () => {
  const toy = [
    { features: ['bias', 'will'], label: 1 as const },
    { features: ['bias', 'will', 'send'], label: 1 as const },
    { features: ['bias', 'maybe'], label: 0 as const },
    { features: ['bias', 'maybe', 'send'], label: 0 as const },
  ];

  it('separates a linearly separable toy set', () => {
    const weights = train(toy);
    for (const e of toy) expect(probability(model(weights), e.features) >= 0.5).toBe(e.label === 1);
    expect(weights.will).toBeGreaterThan(0);
    expect(weights.maybe).toBeLessThan(0);
  });

  it('gives the same weights for the same examples', () => {
    expect(train(toy)).toEqual(train(toy));
  });

  it('shrinks weights harder under a larger L2 penalty', () => {
    expect(Math.abs(train(toy, { l2: 0.5 }).will ?? 0)).toBeLessThan(Math.abs(train(toy, { l2: 1e-4 }).will ?? 0));
  });
});

describe('bestCandidate', () => {
  const candidates = [trace(false, 0.9, 'dropped'), trace(true, 0.5, 'weak'), trace(true, 0.8, 'strong')];
  it('takes the strongest kept candidate when the rules alone decide', () => {
    expect(bestCandidate(candidates)?.rule).toBe('strong');
    expect(bestCandidate([trace(false, 0.9)])).toBeUndefined();
  });
  it('follows the scorer: keep takes kept ones first, else the strongest dropped; drop takes none', () => {
    expect(bestCandidate(candidates, true)?.rule).toBe('strong');
    expect(bestCandidate([trace(false, 0.4, 'a'), trace(false, 0.9, 'b')], true)?.rule).toBe('b');
    expect(bestCandidate(candidates, false)).toBeUndefined();
  });
});

describe('the scorer in extraction', () => {
  const rules = loadRules();
  it('drops what the rules kept, and keeps what they dropped, when its probability says so', () => {
    const promise = mailWith("I'll send you the contract tomorrow.");
    const reported = mailWith('He said we will send it.');
    expect(createExtractor(rules, undefined, undefined, null).extract(promise).commitments).toHaveLength(1);
    expect(createExtractor(rules, undefined, undefined, model({ bias: -5 })).extract(promise).commitments).toHaveLength(
      0,
    );
    expect(createExtractor(rules, undefined, undefined, null).extract(reported).commitments).toHaveLength(0);
    expect(
      createExtractor(rules, undefined, undefined, model({ bias: 5 }))
        .extract(reported)
        .commitments.map((c) => c.text),
    ).toEqual(['He said we will send it.']);
  });

  it('never adds a promise where no rule found a candidate', () => {
    expect(
      createExtractor(rules, undefined, undefined, model({ bias: 5 })).extract(mailWith('Thanks for lunch.'))
        .commitments,
    ).toHaveLength(0);
  });
});

describe('rules/scorer.json', () => {
  it('loads, has a threshold, a bias and a weight for rule features, and is off unless switched on', () => {
    const shipped = loadScorer(rulesDir());
    expect(shipped).not.toBeNull();
    expect(shipped!.threshold).toBeGreaterThan(0);
    expect(shipped!.threshold).toBeLessThan(1);
    expect(typeof shipped!.weights.bias).toBe('number');
    const ruleIds = new Set(loadRules().commitments.map((r) => r.id));
    const ruleFeatures = Object.keys(shipped!.weights).filter((f) => f.startsWith('rule:'));
    expect(ruleFeatures.length).toBeGreaterThan(0);
    for (const f of ruleFeatures) expect(ruleIds.has(f.slice('rule:'.length))).toBe(true);
    expect(shippedScorer() === null).toBe(!shipped!.enabled);
  });

  it('rejects a file of the wrong shape', () => {
    expect(() => checkModel('x', { enabled: true, threshold: 1.5, weights: {} })).toThrow(/threshold/);
    expect(() => checkModel('x', { enabled: true, threshold: 0.5, weights: { a: 'no' } })).toThrow(/weights/);
    expect(() => checkModel('x', { threshold: 0.5, weights: {} })).toThrow(/enabled/);
  });
});
