// What analysis records for each candidate promise, and the second stage's decision over a sentence's candidates:
// the seam between the rules (analyse.ts) and the learned scorer (features.ts, scorer.ts). Types only, so the
// scorer analyse.ts calls never has to import analyse.ts back.
import type { Due } from '../types.js';

export interface CandidateTrace {
  rule: string;
  action: string;
  kept: boolean;
  confidence: number;
  droppedBy: string | null;
  reason: string | null;
  due: Due | null;
  dueTrace: string[];
}

/** A second stage's keep-or-drop for a sentence the rules found candidates in (index: its place in the new text). */
export type SentenceDecider = (text: string, candidates: CandidateTrace[], index: number) => boolean;
