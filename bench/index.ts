// npm run bench: throughput and memory figures, with ratios against the baseline of each step.
import { resolve } from 'node:path';
import { benchExtraction } from './extract.js';
import { ratio, report } from './measure.js';

const shared = resolve(process.cwd(), '..', 'shared', 'eval');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);

console.log(`followthru bench — node ${process.version}, ${rounds} rounds over ../shared/eval/{dev,lin-dev}\n`);
const extraction = await benchExtraction([resolve(shared, 'dev'), resolve(shared, 'lin-dev')], rounds);
if (extraction.length === 0) {
  console.log('no corpus found at ../shared/eval: extraction figures skipped');
} else {
  console.log(report(extraction));
  const [parseOnly, parseExtract] = extraction;
  if (parseOnly && parseExtract) console.log(ratio('extract cost over parse alone', parseExtract, parseOnly));
}
