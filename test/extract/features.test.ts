// The scorer's features are plain strings read off the sentence and the rules' verdicts.
import { describe, expect, it } from 'vitest';
import { sentenceFeatures } from '../../src/extract/features.js';

const candidate = { rule: 'first-person-will', kept: true, droppedBy: 'hedge', due: null };

describe('sentenceFeatures', () => {
  it('reads words, bigrams, the rule, its refiner verdict, place and length', () => {
    const features = sentenceFeatures('I’ll try to send it Friday?', [candidate], 0);
    expect(features).toEqual(
      expect.arrayContaining([
        'bias',
        "w:i'll",
        'w:send',
        "b:i'll_try",
        'b:send_it',
        "first:i'll",
        'rule:first-person-will',
        'weakened:hedge',
        'rules-keep',
        'question-mark',
        'position:0',
        'length:1',
      ]),
    );
    expect(features).not.toContain('kept-clean');
    expect(features).not.toContain('has-due');
  });

  it('marks a dropped candidate, a dated one, and caps the position', () => {
    const dropped = {
      rule: 'lets',
      kept: false,
      droppedBy: 'negation',
      due: { date: '2001-05-11', at: null, text: 'tomorrow' },
    };
    const features = sentenceFeatures('We will not send it tomorrow.', [dropped], 9);
    expect(features).toEqual(expect.arrayContaining(['dropped:negation', 'has-due', 'position:5']));
    expect(features).not.toContain('rules-keep');
    expect(features).not.toContain('question-mark');
  });

  it('lists each feature once', () => {
    const features = sentenceFeatures('will will will', [candidate, candidate], 1);
    expect(new Set(features).size).toBe(features.length);
  });
});
