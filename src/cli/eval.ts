// followthru eval GOLD.jsonl PATH: extraction scored against labels, with score.mjs's figures.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CliCommand } from './command.js';
import { type GoldMessage, type Prediction, score, scoreLines } from './eval-score.js';

function readGold(path: string): GoldMessage[] {
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

export const evalCommand: CliCommand = {
  name: 'eval',
  args: '<gold> <path...>',
  description: 'score extraction against labeled mail (the format of shared/eval)',
  options: [{ flags: '--summary', description: 'print only the figures, not each miss' }],
  async run([goldPath, ...paths], options) {
    const gold = readGold(goldPath ?? '');
    const [{ createExtractor }, { parsedMail }] = await Promise.all([import('../extract/index.js'), import('./mail-files.js')]);
    const extractor = createExtractor();
    const predictions: Prediction[] = [];
    for await (const parsed of parsedMail(paths)) {
      if ('error' in parsed) {
        process.stderr.write(`followthru: skipped ${parsed.file}: ${parsed.error}\n`);
        continue;
      }
      const { commitments, expectsReply } = extractor.extract(parsed.message);
      predictions.push({ file: parsed.file, expectsReply, commitments: commitments.map((c) => ({ text: c.text, due: c.due?.date ?? null })) });
    }
    const result = score(gold, predictions);
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
