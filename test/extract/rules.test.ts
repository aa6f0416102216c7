// Every example in rules/*.json is a test case: adding a rule never needs TypeScript.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { createMilestoneDetector } from '../../src/extract/milestones.js';
import { loadRules } from '../../src/extract/rules.js';
import { mailWith } from './helpers.js';

const rules = loadRules();
const extractor = createExtractor(rules);
const promiseCases = rules.commitments.flatMap((r) => [
  ...r.examples.hit.map((text) => ({ rule: r.id, text, hit: true })),
  ...r.examples.miss.map((text) => ({ rule: r.id, text, hit: false })),
]);
const requestCases = rules.requests.flatMap((r) => [
  ...r.examples.hit.map((text) => ({ rule: r.id, text, hit: true })),
  ...r.examples.miss.map((text) => ({ rule: r.id, text, hit: false })),
]);

describe('commitment rule examples', () => {
  it.each(promiseCases.filter((c) => c.hit))('$rule finds "$text"', ({ rule, text }) => {
    const found = extractor.extract(mailWith(text)).commitments;
    expect(found.map((c) => c.rule)).toContain(rule);
  });
  it.each(promiseCases.filter((c) => !c.hit))('$rule: no promise in "$text"', ({ text }) => {
    expect(extractor.extract(mailWith(text)).commitments).toEqual([]);
  });
});

describe('request rule examples', () => {
  it.each(requestCases.filter((c) => c.hit))('$rule: "$text" expects a reply', ({ text }) => {
    expect(extractor.extract(mailWith(text)).expectsReply).toBe(true);
  });
  it.each(requestCases.filter((c) => !c.hit))('$rule: "$text" expects no reply', ({ text }) => {
    expect(extractor.extract(mailWith(text)).expectsReply).toBe(false);
  });
});

describe('rule files', () => {
  it('every rule has an id, a why and examples', () => {
    for (const rule of [...rules.commitments, ...rules.requests]) {
      expect(rule.id).toMatch(/^[a-z-]+$/);
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.examples.hit.length).toBeGreaterThan(0);
    }
  });
});

describe('milestone rule examples (rules/milestones.json)', () => {
  const detect = createMilestoneDetector(rules.milestones);
  const cases = rules.milestones.flatMap((r) => [
    ...r.examples.hit.map((text) => ({ rule: r.id, text, hit: true })),
    ...r.examples.miss.map((text) => ({ rule: r.id, text, hit: false })),
  ]);
  it('the file holds the three kinds of milestone', () => {
    expect(rules.milestones.map((r) => r.id)).toEqual(['thanks-for-order', 'contract-signed', 'order-shipped']);
  });
  it.each(cases.filter((c) => c.hit))('$rule finds "$text"', ({ rule, text }) => {
    expect(detect(text).map((m) => m.rule)).toContain(rule);
  });
  it.each(cases.filter((c) => !c.hit))('$rule: no milestone in "$text"', ({ text }) => {
    expect(detect(text)).toEqual([]);
  });
});
