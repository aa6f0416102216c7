// The scorer's training data and its leave-one-corpus-out figures, on hand-made traces (no mail parsing needed).
import { describe, expect, it } from 'vitest';
import type { CandidateTrace } from '../../src/extract/trace.js';
import { score } from '../../src/cli/eval-score.js';
import { examplesOf, leaveOneOut, predictionsOf, type TracedCorpus } from '../../src/cli/learn.js';

const candidate = (kept: boolean): CandidateTrace => ({
  rule: 'first-person-will',
  action: 'send',
  kept,
  confidence: 0.9,
  droppedBy: kept ? null : 'hedge',
  reason: null,
  due: kept ? { date: '2001-05-11', at: null, text: 'tomorrow' } : null,
  dueTrace: [],
});

/** One mail: a kept candidate, a dropped one (labelled firm when droppedIsFirm), and a sentence with no candidate. */
function corpus(name: string, droppedIsFirm: boolean, copies = 1): TracedCorpus {
  const files = Array.from({ length: copies }, (_, i) => `m${i + 1}.eml`);
  return {
    name,
    gold: files.map((file) => ({
      file,
      expects_reply: false,
      items: [
        { text: 'I will send the contract tomorrow.', strength: 'firm', due_date: '2001-05-11' },
        { text: 'Joining the Tuesday call.', strength: 'borderline' },
        ...(droppedIsFirm ? [{ text: 'Trying to fax memos today.', strength: 'firm' as const }] : []),
      ],
    })),
    mails: files.map((file) => ({
      file: `/x/${name}/${file}`,
      expectsReply: false,
      sentences: [
        { text: 'I will send the contract tomorrow.', candidates: [candidate(true)] },
        { text: 'Trying to fax memos today.', candidates: [candidate(false)] },
        { text: 'Joining the Tuesday call.', candidates: [candidate(false)] },
        { text: 'Thanks for lunch.', candidates: [] },
      ],
    })),
  };
}

describe('examplesOf', () => {
  it('labels candidate sentences from gold as score.mjs matches them, leaving borderline ones out', () => {
    const examples = examplesOf(corpus('a', true));
    expect(examples.map((e) => e.label)).toEqual([1, 1]);
    expect(examplesOf(corpus('b', false)).map((e) => e.label)).toEqual([1, 0]);
    expect(examples[1]!.features).toContain('dropped:hedge');
  });
});

describe('predictionsOf', () => {
  it('without a model is the rules alone: kept candidates, with their due day', () => {
    const predictions = predictionsOf(corpus('a', true).mails, null);
    expect(predictions[0]!.commitments).toEqual([{ text: 'I will send the contract tomorrow.', due: '2001-05-11' }]);
  });
});

describe('leaveOneOut', () => {
  it('scores each corpus with a model trained on the others only, so its own labels cannot leak', () => {
    // Two corpora teach "a dropped hedge here is a firm promise"; the third, larger, says it is not: trained on all
    // three, the model would drop it.
    const corpora = [corpus('a', true), corpus('b', true), corpus('c', false, 3)];
    const rows = leaveOneOut(corpora);
    expect(rows.map((r) => r.name)).toEqual(['a', 'b', 'c']);
    const c = rows[2]!;
    expect(c.rules.commitments).toMatchObject({ tp: 3, fp: 0, fn: 0 });
    expect(c.rules).toEqual(score(corpora[2]!.gold, predictionsOf(corpora[2]!.mails, null)));
    // Held out, c is scored by what a and b taught: its dropped hedges come back, false alarms on c.
    expect(c.scorer.commitments).toMatchObject({ tp: 3, fp: 3, fn: 0 });
    // Held out, a is scored by b and c, where c outweighs b: a's firm hedge stays dropped.
    expect(rows[0]!.scorer.commitments).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });
});
