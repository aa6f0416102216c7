// Prints the fault-injection table recorded by test/faults (node scripts/fault-table.mjs [--reset]).
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The file test/faults/report.ts writes: this checkout's .tmp/faults.jsonl.
const file =
  process.env.FOLLOWTHRU_FAULT_REPORT ?? join(dirname(fileURLToPath(import.meta.url)), '..', '.tmp', 'faults.jsonl');
if (process.argv.includes('--reset')) {
  rmSync(file, { force: true });
  process.exit(0);
}
if (!existsSync(file)) {
  console.log('no fault report (run the tests in test/faults first)');
  process.exit(0);
}
const rows = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const head = ['fault', 'injected', 'items expected', 'items found', 'duplicates', 'crashes', 'stuck'];
const cells = rows.map((r) =>
  [r.fault, r.injected, r.expected, r.found, r.duplicates, r.crashes, r.stuck ?? 0].map(String),
);
const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
const line = (c) => `| ${c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' | ')} |`;
console.log(
  ['', 'Fault injection', line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join(
    '\n',
  ),
);
