import { describe, expect, it } from 'vitest';
import { allInChunks, MAX_LIST_VARIABLES } from '../../src/store/chunked.js';
import { lookupThreads, saveThreadKeys } from '../../src/store/index.js';
import { tempStore } from './helpers.js';

describe('lists in statements are chunked', () => {
  it('looks up 41,000 keys, more than SQLite allows variables in one statement', async () => {
    const { store } = await tempStore();
    await saveThreadKeys(store, ['k-7', 'k-40999'], 'thread-1');
    const keys = Array.from({ length: 41_000 }, (_, i) => `k-${i}`);
    expect(Object.fromEntries(await lookupThreads(store, keys))).toEqual({ 'k-7': 'thread-1', 'k-40999': 'thread-1' });
  });

  it('runs one statement per chunk, every row back in chunk order, and none for an empty list', async () => {
    const { store } = await tempStore();
    const statements: string[] = [];
    const values = Array.from({ length: 2 * MAX_LIST_VARIABLES + 1 }, (_, i) => i);
    const rows = await allInChunks<{ v: number }>(store, values, (marks) => {
      statements.push(marks);
      return `SELECT value AS v FROM json_each(json_array(${marks}))`;
    });
    expect(statements.map((m) => m.split(',').length)).toEqual([MAX_LIST_VARIABLES, MAX_LIST_VARIABLES, 1]);
    expect(rows.map((r) => r.v)).toEqual(values);
    expect(await allInChunks(store, [], () => 'SELECT nonsense')).toEqual([]);
  });
});
