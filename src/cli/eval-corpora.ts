// The cross-source yardstick: every labelled corpus under shared/eval scored in one table, with pooled figures,
// so a change is judged on mail it was not tuned on (mark that corpus with --held-out).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldMessage, Score } from './eval-score.js';

export interface Corpus {
  name: string;
  gold: string;
  dir: string;
}

/** $FOLLOWTHRU_SHARED, else ../shared beside the working directory, else beside the package. */
export function sharedRoot(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const packageRoots = [resolve(here, '..', '..'), resolve(here, '..', '..', '..')];
  const candidates = [
    env.FOLLOWTHRU_SHARED,
    resolve(cwd, '..', 'shared'),
    ...packageRoots.map((p) => resolve(p, '..', 'shared')),
  ];
  return candidates.find((dir): dir is string => typeof dir === 'string' && existsSync(join(dir, 'eval'))) ?? null;
}

/** Each folder of evalDir that holds a gold.jsonl is a corpus; its mail sits beside the labels. */
export function findCorpora(evalDir: string): Corpus[] {
  return readdirSync(evalDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(evalDir, entry.name, 'gold.jsonl')))
    .map((entry) => ({
      name: entry.name,
      gold: join(evalDir, entry.name, 'gold.jsonl'),
      dir: join(evalDir, entry.name),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function readGold(path: string): GoldMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as GoldMessage;
      } catch {
        throw new Error(`${path}:${i + 1}: not JSON`);
      }
    });
}

type Counts = Pick<Score, 'messages' | 'commitments' | 'due' | 'expectsReply'>;

const ratio = (a: number, b: number) => (b ? a / b : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

/** Pooled figures: counts summed over the corpora, then the ratios taken once (micro-averaged). */
export function pool(scores: Counts[]): Counts {
  const sum = (pick: (s: Counts) => number) => scores.reduce((total, s) => total + pick(s), 0);
  const tp = sum((s) => s.commitments.tp),
    fp = sum((s) => s.commitments.fp),
    fn = sum((s) => s.commitments.fn);
  const rTp = sum((s) => s.expectsReply.tp),
    rFp = sum((s) => s.expectsReply.fp),
    rFn = sum((s) => s.expectsReply.fn);
  const precision = ratio(tp, tp + fp),
    recall = ratio(tp, tp + fn);
  const rP = ratio(rTp, rTp + rFp),
    rR = ratio(rTp, rTp + rFn);
  const dueGold = sum((s) => s.due.gold),
    dueRight = sum((s) => s.due.right);
  return {
    messages: sum((s) => s.messages),
    commitments: { tp, fp, fn, precision, recall, f1: f1(precision, recall) },
    due: { gold: dueGold, right: dueRight, missing: sum((s) => s.due.missing), accuracy: ratio(dueRight, dueGold) },
    expectsReply: { tp: rTp, fp: rFp, fn: rFn, precision: rP, recall: rR, f1: f1(rP, rR) },
  };
}

/** One row per corpus and a pooled row; a corpus without dated gold shows "-" for the due day. */
export function crossSourceTable(rows: { name: string; score: Counts }[], heldOut: string[] = []): string[] {
  const fixed = (x: number) => x.toFixed(2);
  const line = (name: string, s: Counts) =>
    [
      name.padEnd(20),
      String(s.messages).padStart(5),
      fixed(s.commitments.precision).padStart(9),
      fixed(s.commitments.recall).padStart(7),
      fixed(s.commitments.f1).padStart(6),
      `${s.commitments.tp}/${s.commitments.fp}/${s.commitments.fn}`.padStart(12),
      fixed(s.expectsReply.f1).padStart(9),
      (s.due.gold ? `${fixed(s.due.accuracy)} (${s.due.right}/${s.due.gold})` : '-').padStart(14),
    ].join(' ');
  const header = [
    'corpus'.padEnd(20),
    'mails',
    'precision',
    'recall',
    '    F1',
    'tp/fp/fn'.padStart(12),
    'reply F1',
    'due day'.padStart(14),
  ];
  return [
    header.join(' '),
    ...rows.map((r) => line(heldOut.includes(r.name) ? `${r.name} (held out)` : r.name, r.score)),
    line('pooled', pool(rows.map((r) => r.score))),
  ];
}
