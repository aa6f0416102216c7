// Whole-process figures: `followthru extract --json` over a folder of mail, beside a fresh process that only
// reads and bare-parses the same files (the floor), both from process start to exit.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figure } from './measure.js';

function timed(name: string, count: number, args: string[]): Figure {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 64 << 20 });
  return { name, count, ms: performance.now() - start, peakRssMiB: Number.NaN };
}

export function benchExtractCli(dir: string): Figure[] {
  const count = readdirSync(dir).filter((f) => f.endsWith('.eml')).length;
  const bin = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bin', 'followthru.js');
  const floor = fileURLToPath(new URL('./parse-files.js', import.meta.url));
  return [
    timed('process: bare mailparser over the files', count, [floor, dir]),
    timed('process: followthru extract --json', count, [bin, 'extract', '--json', dir]),
  ];
}
