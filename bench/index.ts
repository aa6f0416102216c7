// npm run bench: throughput and memory figures, with ratios against the baseline of each step.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchExtraction } from './extract.js';
import { benchImap } from './imap.js';
import { ratio, report } from './measure.js';
import { benchStartup } from './startup.js';

const shared = process.env.FOLLOWTHRU_SHARED ?? resolve(process.cwd(), '..', 'shared');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const imapCount = Number(process.env.BENCH_IMAP ?? 5000);

console.log(`followthru bench — node ${process.version}\n`);
console.log(`Start-up: wall time of the real binary\n${(await benchStartup()).join('\n')}\n`);
console.log(`Extraction: ${rounds} rounds over shared/eval/{dev,lin-dev}`);
const extraction = await benchExtraction([resolve(shared, 'eval', 'dev'), resolve(shared, 'eval', 'lin-dev')], rounds);
if (extraction.length === 0) console.log('  no corpus found (set FOLLOWTHRU_SHARED): skipped');
else {
  console.log(report(extraction));
  const [parseOnly, parseExtract] = extraction;
  if (parseOnly && parseExtract) console.log(ratio('extract cost over parse alone', parseExtract, parseOnly));
}

console.log(`\nIMAP: ${imapCount} mails (real Enron bodies under new headers) in a private Dovecot on 127.0.0.1 (BENCH_IMAP to change)`);
if (!existsSync('/usr/sbin/dovecot')) console.log('  dovecot not installed: skipped');
else {
  const [bare, full] = await benchImap(imapCount, [resolve(shared, 'eval', 'dev'), resolve(shared, 'eval', 'lin-dev')]);
  if (bare && full) {
    console.log(report([bare, full]));
    console.log(ratio('full sync over a bare fetch', full, bare));
  }
}
