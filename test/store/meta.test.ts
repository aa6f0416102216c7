import { describe, expect, it } from 'vitest';
import {
  addSuppression,
  getLastSyncAt,
  getMeta,
  getOrCreateSecret,
  isSuppressed,
  openStore,
  phraseKey,
  setLastSyncAt,
  setMeta,
} from '../../src/store/index.js';
import { tempStore } from './helpers.js';

describe('meta', () => {
  it('sets, overwrites and reads a key', async () => {
    const { store } = await tempStore();
    expect(await getMeta(store, 'k')).toBeNull();
    await setMeta(store, 'k', 'one');
    await setMeta(store, 'k', 'two');
    expect(await getMeta(store, 'k')).toBe('two');
  });

  it('creates the token secret once: 32 random bytes as hex, the same after reopening', async () => {
    const { store, path } = await tempStore();
    const secret = await getOrCreateSecret(store);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(await getOrCreateSecret(store)).toBe(secret);
    await store.close();
    const again = await openStore(path);
    expect(await getOrCreateSecret(again)).toBe(secret);
    await again.close();
  });

  it('gives each store its own secret', async () => {
    const a = await tempStore('a.db');
    const b = await tempStore('b.db');
    expect(await getOrCreateSecret(a.store)).not.toBe(await getOrCreateSecret(b.store));
  });

  it('keeps the last sync time', async () => {
    const { store } = await tempStore();
    expect(await getLastSyncAt(store)).toBeNull();
    await setLastSyncAt(store, new Date('2024-03-04T07:00:00Z'));
    expect(await getLastSyncAt(store)).toBe('2024-03-04T07:00:00.000Z');
  });
});

describe('suppressions', () => {
  it.each([
    ["I'll send it.", "i'll send it"],
    ['  I’ll   SEND it!! ', "i'll send it"],
    ['Ｉ will call', 'i will call'],
  ])('normalises %j to %j', (phrase, key) => {
    expect(phraseKey(phrase)).toBe(key);
  });

  it('suppresses a phrase for its rule, whatever its punctuation', async () => {
    const { store } = await tempStore();
    expect(await addSuppression(store, { rule: 'will-send', phrase: "I'll send it.", itemId: 3 })).toBe(true);
    expect(await addSuppression(store, { rule: 'will-send', phrase: "i'll send it" })).toBe(false);
    expect(await isSuppressed(store, 'will-send', "I'LL SEND IT")).toBe(true);
  });

  it('does not suppress the phrase under another rule, nor another phrase', async () => {
    const { store } = await tempStore();
    await addSuppression(store, { rule: 'will-send', phrase: "I'll send it." });
    expect(await isSuppressed(store, 'will-call', "I'll send it.")).toBe(false);
    expect(await isSuppressed(store, 'will-send', "I'll send them.")).toBe(false);
  });
});
