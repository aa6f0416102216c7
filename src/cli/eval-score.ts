// Scores predictions against gold labels exactly as ../shared/eval/score.mjs does, so the figures agree.
// Texts match when, normalised to lower-case letters and digits, one contains the other or their word sets
// overlap by 60% of the smaller (and at least 3 words). Borderline gold items count neither way.
import { basename } from 'node:path';

export interface GoldItem {
  text: string;
  strength: 'firm' | 'borderline';
  due_date?: string | null;
}
export interface GoldMessage {
  file: string;
  expects_reply: boolean;
  items?: GoldItem[];
}
export interface Prediction {
  file: string;
  expectsReply: boolean;
  commitments: { text: string; due: string | null }[];
}
export interface ScoreError {
  kind: 'missed' | 'false' | 'due' | 'reply';
  file: string;
  text: string;
  gold?: string;
  got?: string | null;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const words = (s: string) => new Set(norm(s).split(' ').filter(Boolean));

export function sameText(a: string, b: string): boolean {
  const na = norm(a);
  const nb = norm(b);
  if (!na || !nb) return false;
  if (na.includes(nb) || nb.includes(na)) return true;
  const wa = words(a);
  const wb = words(b);
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size) >= 0.6 && common >= 3;
}

const ratio = (a: number, b: number) => (b ? a / b : 0);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

export function score(gold: GoldMessage[], predictions: Prediction[]) {
  const byFile = new Map(predictions.map((p) => [basename(p.file), p]));
  let tp = 0,
    fp = 0,
    fn = 0,
    dueGold = 0,
    dueRight = 0,
    dueMissing = 0,
    rTp = 0,
    rFp = 0,
    rFn = 0,
    missingFiles = 0;
  const errors: ScoreError[] = [];
  for (const g of gold) {
    const p = byFile.get(basename(g.file));
    if (!p) missingFiles++;
    const predicted = (p?.commitments ?? []).map((c) => ({ ...c, used: false }));
    for (const item of g.items ?? []) {
      const hit = predicted.find((c) => !c.used && sameText(c.text, item.text));
      if (hit) hit.used = true;
      if (hit && item.due_date) {
        dueGold++;
        if (hit.due?.slice(0, 10) === item.due_date) dueRight++;
        else {
          if (!hit.due) dueMissing++;
          errors.push({
            kind: 'due',
            file: g.file,
            text: item.text,
            gold: item.due_date,
            got: hit.due?.slice(0, 10) ?? null,
          });
        }
      }
      if (item.strength === 'borderline') continue;
      if (hit) tp++;
      else {
        fn++;
        errors.push({ kind: 'missed', file: g.file, text: item.text });
      }
    }
    for (const c of predicted.filter((c) => !c.used)) {
      fp++;
      errors.push({ kind: 'false', file: g.file, text: c.text });
    }
    const said = Boolean(p?.expectsReply);
    if (said && g.expects_reply) rTp++;
    else if (said) rFp++;
    else if (g.expects_reply) rFn++;
    if (said !== g.expects_reply) {
      const text = said ? 'expects a reply, gold says no' : 'expects no reply, gold says it does';
      errors.push({ kind: 'reply', file: g.file, text });
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const rP = ratio(rTp, rTp + rFp);
  const rR = ratio(rTp, rTp + rFn);
  return {
    messages: gold.length,
    missingFiles,
    commitments: { tp, fp, fn, precision, recall, f1: f1(precision, recall) },
    due: { gold: dueGold, right: dueRight, missing: dueMissing, accuracy: ratio(dueRight, dueGold) },
    expectsReply: { tp: rTp, fp: rFp, fn: rFn, precision: rP, recall: rR, f1: f1(rP, rR) },
    errors,
  };
}

export type Score = ReturnType<typeof score>;

export function scoreLines(s: Score): string[] {
  const pct = (x: number) => (100 * x).toFixed(1);
  const c = s.commitments;
  return [
    `messages ${s.messages}${s.missingFiles ? ` (${s.missingFiles} missing from predictions)` : ''}`,
    `commitments: precision ${pct(c.precision)}% recall ${pct(c.recall)}% F1 ${pct(c.f1)}% (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`,
    `due dates: ${s.due.right}/${s.due.gold} right (${pct(s.due.accuracy)}%), ${s.due.missing} with no date`,
    `expects reply: precision ${pct(s.expectsReply.precision)}% recall ${pct(s.expectsReply.recall)}% F1 ${pct(s.expectsReply.f1)}%`,
  ];
}
