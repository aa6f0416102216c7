// npm run bench: throughput and memory figures, each beside the floor measured in the same run (the machine
// may be shared: compare the ratios, not the absolute figures, across runs).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchExtractCli } from './cli.js';
import { benchExtraction } from './extract.js';
import { benchImap } from './imap.js';
import { type Figure, ratio, report } from './measure.js';
import { benchStartup } from './startup.js';

const shared = process.env.FOLLOWTHRU_SHARED ?? resolve(process.cwd(), '..', 'shared');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const imapCount = Number(process.env.BENCH_IMAP ?? 10_000);
const imapSmall = Number(process.env.BENCH_IMAP_SMALL ?? 2_000);
const corpora = [resolve(shared, 'eval', 'dev'), resolve(shared, 'eval', 'lin-dev')];
const perMail = (f: Figure) => f.ms / f.count;
const target = (label: string, value: string, holds: boolean) =>
  `${label.padEnd(52)} ${value.padStart(10)}  ${holds ? 'holds' : 'MISSED'}`;

console.log(`followthru bench — node ${process.version}\n`);
console.log(`Start-up: wall time of the real binary\n${(await benchStartup()).join('\n')}\n`);
console.log(`Extraction: ${rounds} rounds over shared/eval/{dev,lin-dev}`);
const extraction = await benchExtraction(corpora, rounds);
const targets: string[] = [];
if (extraction.length === 0) console.log('  no corpus found (set FOLLOWTHRU_SHARED): skipped');
else {
  console.log(report(extraction));
  const [parseOnly, parseExtract] = extraction;
  if (parseOnly && parseExtract) {
    console.log(ratio('extract cost over parse alone', parseExtract, parseOnly));
    targets.push(
      target(
        'parse + extract over parsing alone (≤ 2x)',
        `${(parseExtract.ms / parseOnly.ms).toFixed(2)}x`,
        parseExtract.ms <= 2 * parseOnly.ms,
      ),
    );
  }
  const [floor, cli] = benchExtractCli(resolve(shared, 'eval', 'dev'));
  if (floor && cli) {
    console.log(`\nWhole process over shared/eval/dev\n${report([floor, cli])}`);
    const rate = cli.count / (cli.ms / 1000);
    targets.push(target('followthru extract --json, whole process (≥ 500/s)', `${rate.toFixed(0)}/s`, rate >= 500));
  }
}

console.log(
  `\nIMAP: ${imapSmall} and ${imapCount} mails (real Enron bodies under new headers) in a private Dovecot, one process each (BENCH_IMAP, BENCH_IMAP_SMALL)`,
);
if (!existsSync('/usr/sbin/dovecot')) console.log('  dovecot not installed: skipped');
else {
  const [smallFloor, small] = await benchImap(imapSmall, corpora);
  const [floor, full] = await benchImap(imapCount, corpora);
  if (smallFloor && small && floor && full) {
    console.log(report([smallFloor, small, floor, full]));
    const overFloor = full.ms / floor.ms;
    const flat = perMail(full) / perMail(small);
    targets.push(
      target(`first sync of ${imapCount} over the floor (≤ 5x)`, `${overFloor.toFixed(2)}x`, overFloor <= 5),
    );
    targets.push(
      target(`per-mail time, ${imapCount} over ${imapSmall} (within 20%)`, `${flat.toFixed(2)}x`, flat <= 1.2),
    );
    targets.push(
      target(`peak RSS at ${imapCount} (≤ 200 MiB)`, `${full.peakRssMiB.toFixed(0)} MiB`, full.peakRssMiB <= 200),
    );
    const rss = full.peakRssMiB / small.peakRssMiB;
    targets.push(target(`peak RSS, ${imapCount} over ${imapSmall} (within 15%)`, `${rss.toFixed(2)}x`, rss <= 1.15));
  }
}
console.log(`\nTargets (ratios within this run)\n${targets.join('\n')}`);
