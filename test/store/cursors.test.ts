import { describe, expect, it } from 'vitest';
import { type FolderCursor, getCursor, listCursors, saveCursor } from '../../src/store/index.js';
import { tempStore } from './helpers.js';

const base: FolderCursor = {
  folder: 'Sent',
  uidValidity: '1',
  lastUid: 0,
  highestModseq: null,
  resets: 0,
  parked: 0,
};

describe('cursors', () => {
  it.each([
    ['a small UIDVALIDITY', { uidValidity: '7' }],
    ['a UIDVALIDITY above 2^31, kept as text', { uidValidity: '3000000000' }],
    ['the largest 32-bit UIDVALIDITY', { uidValidity: '4294967295' }],
    ['a 64-bit HIGHESTMODSEQ', { highestModseq: '18446744073709551615' }],
    ['resets and parked counts', { resets: 2, parked: 3, lastUid: 4242 }],
  ])('round-trips %s', async (_case, fields) => {
    const { store } = await tempStore();
    const cursor = { ...base, ...fields };
    await saveCursor(store, cursor);
    expect(await getCursor(store, 'Sent')).toEqual(cursor);
    const raw = await store.get<{ t: string }>("SELECT typeof(uid_validity) AS t FROM cursors WHERE folder = 'Sent'");
    expect(raw?.t).toBe('text');
  });

  it('replaces the cursor of a folder and keeps folders apart', async () => {
    const { store } = await tempStore();
    await saveCursor(store, base);
    await saveCursor(store, { ...base, folder: 'INBOX', lastUid: 9 });
    await saveCursor(store, { ...base, lastUid: 50, uidValidity: '2', resets: 1 });
    expect(await listCursors(store)).toEqual([
      { ...base, folder: 'INBOX', lastUid: 9 },
      { ...base, lastUid: 50, uidValidity: '2', resets: 1 },
    ]);
  });

  it('stores a BigInt UIDVALIDITY passed by mistake as exact text', async () => {
    const { store } = await tempStore();
    await saveCursor(store, { ...base, uidValidity: 4294967295n as unknown as string });
    expect((await getCursor(store, 'Sent'))?.uidValidity).toBe('4294967295');
  });
});

describe('cursors, negative cases', () => {
  it('returns null for a folder never synced', async () => {
    const { store } = await tempStore();
    expect(await getCursor(store, 'Nowhere')).toBeNull();
  });
});
