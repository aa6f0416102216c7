// One statement never carries an unbounded list. SQLite refuses more than 32,766 variables in a statement (and
// older builds 999), and lists that come from mail are as long as a stranger makes them: an IN (...) over such a
// list runs in chunks of a size every build accepts.
import type { Db, SqlValue } from './db.js';

/** Below the 999 variables of SQLite builds before 3.32, with room for a statement's own parameters. */
export const MAX_LIST_VARIABLES = 500;

/**
 * Runs `select` once per chunk of `values` and returns every row. `select` receives the chunk's placeholders
 * ("?, ?, ?") for its IN (...) and the chunk itself; rows come back in chunk order.
 */
export async function allInChunks<T>(
  db: Db,
  values: readonly SqlValue[],
  select: (placeholders: string) => string,
  chunkSize: number = MAX_LIST_VARIABLES,
): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start < values.length; start += chunkSize) {
    const chunk = values.slice(start, start + chunkSize);
    rows.push(...(await db.all<T>(select(chunk.map(() => '?').join(', ')), chunk)));
  }
  return rows;
}
