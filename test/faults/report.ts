// Each fault test records one row; scripts/fault-table.mjs prints them as the table the closing note quotes.
import { appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

export const FAULT_REPORT = process.env.FOLLOWTHRU_FAULT_REPORT ?? join(tmpdir(), 'followthru-faults.jsonl');

export function recordFault(row: FaultRow): void {
  appendFileSync(FAULT_REPORT, `${JSON.stringify(row)}\n`);
}
