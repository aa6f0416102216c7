// Two accounts in one store: the same mail, folder, thread key or phrase in each never collide.
import { describe, expect, it } from 'vitest';
import {
  addSuppression,
  getCursor,
  listOpenItemsConcerning,
  getMessage,
  insertItem,
  isSkipped,
  isSuppressed,
  listItems,
  listSkips,
  lookupThreads,
  recordSkip,
  saveCursor,
  saveMessage,
  saveThreadKeys,
  scopeTo,
} from '../../src/store/index.js';
import { sampleItem, sampleMessage, tempStore } from './helpers.js';

const cursor = (lastUid: number) => ({
  folder: 'Sent',
  uidValidity: '1',
  lastUid,
  highestModseq: null,
  resets: 0,
  parked: 0,
});

describe('account scopes', () => {
  it('keep the same mail, item, cursor, thread key, skip and suppression apart per account', async () => {
    const { store } = await tempStore();
    const work = scopeTo(store, 'work');
    const home = scopeTo(store, 'home');
    for (const db of [work, home]) {
      expect(await saveMessage(db, sampleMessage())).toBe(true);
      expect(await recordSkip(db, { origin: 'imap:Sent', messageKey: 'Sent:1:5', reason: 'bad' })).toBe(true);
      expect(await addSuppression(db, { rule: 'i-will', phrase: 'I will call' })).toBe(true);
    }
    const a = await insertItem(work, sampleItem());
    const b = await insertItem(home, sampleItem());
    expect([a.inserted, b.inserted, a.id === b.id]).toEqual([true, true, false]);
    await saveCursor(work, cursor(10));
    await saveCursor(home, cursor(99));
    await saveThreadKeys(work, ['k'], 'thread-work');
    await saveThreadKeys(home, ['k'], 'thread-home');

    expect((await getCursor(work, 'Sent'))?.lastUid).toBe(10);
    expect((await getCursor(home, 'Sent'))?.lastUid).toBe(99);
    expect(await lookupThreads(work, ['k'])).toEqual(new Map([['k', 'thread-work']]));
    expect(await lookupThreads(home, ['k'])).toEqual(new Map([['k', 'thread-home']]));
    expect((await listItems(work)).map((i) => [i.id, i.account])).toEqual([[a.id, 'work']]);
    expect((await listItems(store)).map((i) => i.account)).toEqual(['work', 'home']);
    expect((await listSkips(home)).map((s) => s.account)).toEqual(['home']);
    expect(await listSkips(store)).toHaveLength(2);
  });

  it("finds the open items of the handle's account only (the batch look-up)", async () => {
    const { store } = await tempStore();
    const work = scopeTo(store, 'work');
    const home = scopeTo(store, 'home');
    for (const db of [work, home]) await saveMessage(db, sampleMessage());
    const a = await insertItem(work, sampleItem());
    await insertItem(home, sampleItem());
    const where = { threadIds: [sampleItem().threadId], people: sampleItem().counterparties.map((c) => c.address) };
    expect((await listOpenItemsConcerning(work, where)).map((i) => i.id)).toEqual([a.id]);
  });

  it('leaves another account empty, and the unscoped store is account "default"', async () => {
    const { store } = await tempStore();
    await saveMessage(scopeTo(store, 'work'), sampleMessage());
    await recordSkip(scopeTo(store, 'work'), { origin: 'x', messageKey: 'K', reason: 'bad' });
    await addSuppression(scopeTo(store, 'work'), { rule: 'r', phrase: 'p' });
    expect(await getMessage(store, sampleMessage().id)).toBeNull();
    expect(await getMessage(scopeTo(store, 'default'), sampleMessage().id)).toBeNull();
    expect(await isSkipped(scopeTo(store, 'home'), 'K')).toBe(false);
    expect(await isSuppressed(store, 'r', 'p')).toBe(false);
    await saveMessage(store, sampleMessage());
    expect(await getMessage(scopeTo(store, 'default'), sampleMessage().id)).not.toBeNull();
  });

  it('scopes a transaction and its savepoints like the handle it was opened on', async () => {
    const { store } = await tempStore();
    await scopeTo(store, 'work').transaction(async (tx) => {
      expect(tx.account).toBe('work');
      await tx.transaction(async (inner) => {
        expect(inner.account).toBe('work');
        await saveMessage(inner, sampleMessage());
      });
    });
    expect(await getMessage(scopeTo(store, 'work'), sampleMessage().id)).not.toBeNull();
  });

  it("puts a suppression in the item's account when told, whatever the handle", async () => {
    const { store } = await tempStore();
    await addSuppression(scopeTo(store, 'work'), { rule: 'r', phrase: 'p', account: 'home' });
    expect(await isSuppressed(scopeTo(store, 'home'), 'r', 'p')).toBe(true);
    expect(await isSuppressed(scopeTo(store, 'work'), 'r', 'p')).toBe(false);
  });
});
