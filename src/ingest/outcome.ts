// What a batch did, as counts. A mail's counts are kept apart until its savepoint is released, then added in, so a
// mail that fails counts only as skipped.

export interface BatchOutcome {
  messages: number;
  duplicates: number;
  skipped: number;
  created: number;
  updated: number;
  commands: number;
}

export const noOutcome = (): BatchOutcome => ({
  messages: 0,
  duplicates: 0,
  skipped: 0,
  created: 0,
  updated: 0,
  commands: 0,
});

/** Adds `part` into `total`, every count. */
export function addOutcome(total: BatchOutcome, part: BatchOutcome): void {
  for (const key of Object.keys(total) as (keyof BatchOutcome)[]) total[key] += part[key];
}
