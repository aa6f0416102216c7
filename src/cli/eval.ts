// followthru eval [GOLD.jsonl PATH...]: extraction scored against labels, with score.mjs's figures. With no
// arguments, every corpus under shared/eval in one cross-source table.
import { basename, join } from 'node:path';
import type { Extractor } from '../extract/index.js';
import type { CliCommand } from './command.js';
import { crossSourceTable, findCorpora, readGold, sharedRoot } from './eval-corpora.js';
import { type Prediction, score, scoreLines } from './eval-score.js';
import { leaveOneOut } from './learn.js';
import { traceCorpora } from './train.js';

async function predict(paths: string[], extractor: Extractor): Promise<Prediction[]> {
  const { parsedMail } = await import('./mail-files.js');
  const predictions: Prediction[] = [];
  for await (const parsed of parsedMail(paths)) {
    if ('error' in parsed) {
      process.stderr.write(`followthru: skipped ${parsed.file}: ${parsed.error}\n`);
      continue;
    }
    const { commitments, expectsReply } = extractor.extract(parsed.message);
    predictions.push({
      file: parsed.file,
      expectsReply,
      commitments: commitments.map((c) => ({ text: c.text, due: c.due?.date ?? null })),
    });
  }
  return predictions;
}

async function crossSource(extractor: Extractor, heldOut: string[]): Promise<number> {
  const root = sharedRoot();
  if (!root) {
    process.stderr.write('followthru: no shared/eval found: set FOLLOWTHRU_SHARED, or give GOLD and PATH\n');
    return 2;
  }
  const rows = [];
  for (const corpus of findCorpora(join(root, 'eval'))) {
    rows.push({ name: corpus.name, score: score(readGold(corpus.gold), await predict([corpus.dir], extractor)) });
  }
  process.stdout.write(`firm promises, expects-reply F1 and due day per corpus in ${join(root, 'eval')}\n`);
  process.stdout.write(`${crossSourceTable(rows, heldOut).join('\n')}\n`);
  return 0;
}

/** Per corpus: the rules alone beside rules + a scorer trained on the other corpora only (the held-out figure). */
async function heldOutTables(evalDir: string): Promise<number> {
  const rows = leaveOneOut(await traceCorpora(evalDir));
  process.stdout.write(`leave one corpus out (${evalDir}): rules alone\n`);
  process.stdout.write(`${crossSourceTable(rows.map((r) => ({ name: r.name, score: r.rules }))).join('\n')}\n`);
  process.stdout.write('rules + learned scorer, each row trained on the other corpora only (held out)\n');
  process.stdout.write(
    `${crossSourceTable(
      rows.map((r) => ({ name: r.name, score: r.scorer })),
      rows.map((r) => r.name),
    ).join('\n')}\n`,
  );
  return 0;
}

export const evalCommand: CliCommand = {
  name: 'eval',
  args: '[gold] [path...]',
  description:
    'score extraction against labeled mail (the format of shared/eval); no arguments: every corpus in one table',
  options: [
    { flags: '--summary', description: 'print only the figures, not each miss' },
    {
      flags: '--leave-one-out',
      description: 'train the learned scorer on all corpora but one, score that one; each corpus in turn',
    },
    {
      flags: '--held-out <corpora>',
      description: 'mark these corpora (comma-separated) as held out from tuning in the table',
    },
  ],
  async run([goldPath, ...paths], options) {
    const { createExtractor } = await import('../extract/index.js'); // compromise and chrono, for eval only
    const extractor = createExtractor();
    if (goldPath === undefined && options.leaveOneOut) {
      const root = sharedRoot();
      if (root) return heldOutTables(join(root, 'eval'));
    }
    if (goldPath === undefined) {
      const heldOut = typeof options.heldOut === 'string' ? options.heldOut.split(',').map((s) => s.trim()) : [];
      return crossSource(extractor, heldOut);
    }
    if (paths.length === 0) {
      process.stderr.write('followthru eval: give the mail to score after the labels (GOLD PATH...)\n');
      return 2;
    }
    const result = score(readGold(goldPath), await predict(paths, extractor));
    if (!options.summary) {
      for (const e of result.errors) {
        const due = e.kind === 'due' ? `  (gold ${e.gold}, got ${e.got})` : '';
        process.stdout.write(`${e.kind.padEnd(6)} ${basename(e.file)}: ${e.text}${due}\n`);
      }
    }
    process.stdout.write(`${scoreLines(result).join('\n')}\n`);
    return 0;
  },
};
