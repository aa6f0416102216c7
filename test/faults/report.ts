// Each fault test records one row; scripts/fault-table.mjs prints them as the table the closing note quotes.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FaultRow {
  fault: string;
  injected: number;
  expected: number;
  found: number;
  duplicates: number;
  crashes: number;
  /** Runs that hung: a daemon that did not stop, a wait that never ended (absent: 0). */
  stuck?: number;
}

// In this checkout's .tmp/, not the shared tmpdir: two checkouts testing at once must not interleave their rows.
const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FAULT_REPORT = process.env.FOLLOWTHRU_FAULT_REPORT ?? join(REPO, '.tmp', 'faults.jsonl');

export function recordFault(row: FaultRow): void {
  mkdirSync(dirname(FAULT_REPORT), { recursive: true });
  appendFileSync(FAULT_REPORT, `${JSON.stringify(row)}\n`);
}
