// Features of one candidate sentence for the learned scorer: what the rules saw, as plain strings a person can read
// in `explain` ("w:will", "rule:i-will", "dropped:hedge"). Pure; no compromise sweep, so scoring stays a dot product.
import type { CandidateTrace } from './trace.js';

const WORD = /[a-z0-9']+/g;

const bucket = (n: number, edges: number[]) => edges.findIndex((edge) => n <= edge);

/** index: the sentence's place in the new text (0 = the first sentence). */
export function sentenceFeatures(
  text: string,
  candidates: Pick<CandidateTrace, 'rule' | 'kept' | 'droppedBy' | 'due'>[],
  index: number,
): string[] {
  const features = new Set<string>(['bias']);
  const words = text.toLowerCase().replace(/[’‘]/g, "'").match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    features.add(`w:${words[i]}`);
    if (i > 0) features.add(`b:${words[i - 1]}_${words[i]}`);
  }
  if (words[0]) features.add(`first:${words[0]}`);
  for (const c of candidates) {
    features.add(`rule:${c.rule}`);
    features.add(c.droppedBy ? `${c.kept ? 'weakened' : 'dropped'}:${c.droppedBy}` : 'kept-clean');
    if (c.due) features.add('has-due');
  }
  if (candidates.some((c) => c.kept)) features.add('rules-keep');
  if (/\?\s*["')]*$/.test(text)) features.add('question-mark');
  features.add(`position:${Math.min(index, 5)}`);
  features.add(`length:${bucket(words.length, [4, 8, 15, 25, 40, Infinity])}`);
  return [...features];
}
