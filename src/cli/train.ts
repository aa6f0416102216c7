// followthru train: trains the learned second stage on every labelled corpus in shared/eval and writes
// rules/scorer.json. It keeps the file's "enabled" switch: training never turns the scorer on by itself.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDir } from '../extract/rules.js';
import { loadScorer } from '../extract/scorer.js';
import type { CliCommand } from './command.js';
import { findCorpora, readGold, sharedRoot } from './eval-corpora.js';
import { type TracedCorpus, type TracedMail, trainScorer } from './learn.js';

/** Every corpus read once by the rules alone, with each candidate sentence kept for the scorer to re-decide. */
export async function traceCorpora(evalDir: string): Promise<TracedCorpus[]> {
  // compromise, chrono and mailparser: loaded when training or eval runs, never for --help.
  const [{ createExtractor }, { parsedMail }] = await Promise.all([
    import('../extract/index.js'),
    import('./mail-files.js'),
  ]);
  const rulesOnly = createExtractor(undefined, undefined, undefined, null);
  const corpora: TracedCorpus[] = [];
  for (const corpus of findCorpora(evalDir)) {
    const mails: TracedMail[] = [];
    for await (const parsed of parsedMail([corpus.dir])) {
      if ('error' in parsed) continue;
      const { sentences, expectsReply } = rulesOnly.analyse(parsed.message, { quick: true });
      mails.push({ file: parsed.file, expectsReply, sentences });
    }
    corpora.push({ name: corpus.name, gold: readGold(corpus.gold), mails });
  }
  return corpora;
}

export const trainCommand: CliCommand = {
  name: 'train',
  description: 'train the learned scorer on every corpus in shared/eval and write rules/scorer.json',
  options: [],
  async run() {
    const root = sharedRoot();
    if (!root) {
      process.stderr.write('followthru: no shared/eval found: set FOLLOWTHRU_SHARED\n');
      return 2;
    }
    const dir = rulesDir();
    const enabled = loadScorer(dir)?.enabled ?? false;
    const model = trainScorer(await traceCorpora(join(root, 'eval')), enabled);
    writeFileSync(join(dir, 'scorer.json'), `${JSON.stringify(model, null, 1)}\n`);
    process.stdout.write(
      `wrote ${join(dir, 'scorer.json')}: ${Object.keys(model.weights).length} weights, ${enabled ? 'enabled' : 'off (set "enabled": true to use it)'}\n`,
    );
    return 0;
  },
};
