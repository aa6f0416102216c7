import { describe, expect, it } from 'vitest';
import { lookupThreads, saveThreadKeys } from '../../src/store/index.js';
import { tempStore } from './helpers.js';

describe('thread keys', () => {
  it('finds the thread of each known key and nothing for unknown ones', async () => {
    const { store } = await tempStore();
    await saveThreadKeys(store, ['a@x', 'subject:quote|ann@x,me@x'], 'thread-1');
    const found = await lookupThreads(store, ['a@x', 'zzz@x', 'subject:quote|ann@x,me@x']);
    expect(Object.fromEntries(found)).toEqual({ 'a@x': 'thread-1', 'subject:quote|ann@x,me@x': 'thread-1' });
  });

  it('keeps the first thread a key was seen in', async () => {
    const { store } = await tempStore();
    await saveThreadKeys(store, ['a@x'], 'thread-1');
    await saveThreadKeys(store, ['a@x', 'b@x'], 'thread-2');
    expect(Object.fromEntries(await lookupThreads(store, ['a@x', 'b@x']))).toEqual({
      'a@x': 'thread-1',
      'b@x': 'thread-2',
    });
  });

  it('an empty lookup asks nothing', async () => {
    const { store } = await tempStore();
    expect((await lookupThreads(store, [])).size).toBe(0);
  });
});
