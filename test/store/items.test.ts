import { describe, expect, it } from 'vitest';
import {
  getItem,
  insertItem,
  listItems,
  listOpenItemsConcerning,
  saveMessage,
  updateItem,
} from '../../src/store/index.js';
import type { ItemKind, ItemStatus } from '../../src/types.js';
import { sampleItem, sampleMessage, tempStore } from './helpers.js';

const NOW = new Date('2024-03-04T10:00:00.000Z');

async function storeWithMessage() {
  const { store } = await tempStore();
  await saveMessage(store, sampleMessage());
  return store;
}

describe('items', () => {
  it('round-trips every field through toTrackedItem', async () => {
    const store = await storeWithMessage();
    const item = sampleItem({
      evidence: {
        messageId: 'm2',
        subject: 'Re',
        at: 'x',
        attachment: 'b.pdf',
        words: ['brochure'],
        confidence: 0.8,
      },
      rejectedEvidence: ['m1'],
      snoozedUntil: '2024-03-10',
    });
    const { id, inserted } = await insertItem(store, item, NOW);
    expect(inserted).toBe(true);
    expect(await getItem(store, id)).toEqual({ ...item, id, account: 'default', updatedAt: NOW.toISOString() });
  });

  it('inserting the same message/kind/text twice gives one item and the same id', async () => {
    const store = await storeWithMessage();
    const first = await insertItem(store, sampleItem());
    const second = await insertItem(store, sampleItem({ confidence: 0.1 }));
    expect(second).toEqual({ id: first.id, inserted: false });
    expect(await listItems(store)).toHaveLength(1);
    expect((await getItem(store, first.id))?.confidence).toBe(0.9);
  });

  it('hands out small increasing ids', async () => {
    const store = await storeWithMessage();
    const a = await insertItem(store, sampleItem({ text: 'one' }));
    const b = await insertItem(store, sampleItem({ text: 'two' }));
    expect([a.id, b.id]).toEqual([1, 2]);
  });

  it('updates only the patched fields and stamps updatedAt', async () => {
    const store = await storeWithMessage();
    const { id } = await insertItem(store, sampleItem(), NOW);
    const later = new Date('2024-03-05T00:00:00.000Z');
    const updated = await updateItem(store, id, { status: 'snoozed', snoozedUntil: '2024-03-11', due: null }, later);
    expect(updated).toEqual({
      ...sampleItem({ status: 'snoozed', snoozedUntil: '2024-03-11', due: null }),
      id,
      account: 'default',
      updatedAt: later.toISOString(),
    });
    const row = await store.get<{ due_date: string | null }>('SELECT due_date FROM items WHERE id = ?', [id]);
    expect(row?.due_date).toBeNull();
  });

  const statuses: Array<[string, { status?: 'open' | 'all' | ItemStatus[]; kind?: ItemKind | ItemKind[] }, string[]]> =
    [
      ['no filter', {}, ['a', 'b', 'c']],
      ["'all'", { status: 'all' }, ['a', 'b', 'c']],
      ["'open'", { status: 'open' }, ['a', 'c']],
      ['a status list', { status: ['done', 'snoozed'] }, ['b']],
      ['an empty status list', { status: [] }, []],
      ['a kind', { kind: 'awaiting-reply' }, ['c']],
      ['open promises', { status: 'open', kind: ['promise'] }, ['a']],
    ];
  it.each(statuses)('lists items by %s', async (_case, filter, texts) => {
    const store = await storeWithMessage();
    await insertItem(store, sampleItem({ text: 'a' }));
    await insertItem(store, sampleItem({ text: 'b', status: 'done' }));
    await insertItem(store, sampleItem({ text: 'c', kind: 'awaiting-reply' }));
    expect((await listItems(store, filter)).map((i) => i.text)).toEqual(texts);
  });
});

describe('items, negative cases', () => {
  it('returns null for an unknown id, on get and update', async () => {
    const store = await storeWithMessage();
    expect(await getItem(store, 99)).toBeNull();
    expect(await updateItem(store, 99, { status: 'done' })).toBeNull();
  });

  it('refuses an item whose mail was never saved (foreign key)', async () => {
    const { store } = await tempStore();
    await expect(insertItem(store, sampleItem())).rejects.toMatchObject({
      code: 'ESTORE',
      message: /FOREIGN KEY/,
    });
  });

  it('refuses an unknown kind rather than silently ignoring it', async () => {
    const store = await storeWithMessage();
    const bad = sampleItem({ kind: 'wish' as ItemKind });
    await expect(insertItem(store, bad)).rejects.toMatchObject({ code: 'ESTORE', message: /CHECK/ });
  });

  it('never writes the id from a patch', async () => {
    const store = await storeWithMessage();
    const { id } = await insertItem(store, sampleItem());
    await updateItem(store, id, { id: 500, nudges: 1 } as never);
    expect((await getItem(store, id))?.nudges).toBe(1);
    expect(await getItem(store, 500)).toBeNull();
  });
});

describe('listOpenItemsConcerning', () => {
  async function threeItems() {
    const store = await storeWithMessage();
    const ann = await insertItem(
      store,
      sampleItem({ threadId: 't-ann', counterparties: [{ name: 'Ann', address: 'Ann+x@Example.com' }] }),
    );
    const bo = await insertItem(
      store,
      sampleItem({ text: 'b', threadId: 't-bo', counterparties: [{ name: 'Bo', address: 'bo@example.com' }] }),
    );
    const done = await insertItem(store, sampleItem({ text: 'c', threadId: 't-ann', status: 'done' }));
    return { store, ann: ann.id, bo: bo.id, done: done.id };
  }

  it.each([
    ['by thread', { threadIds: ['t-bo'], people: [] }, ['bo']],
    ['by canonical address', { threadIds: [], people: ['ann@example.com'] }, ['ann']],
    [
      'both, each once, in id order',
      { threadIds: ['t-ann', 't-bo'], people: ['bo@example.com', 'ann@example.com'] },
      ['ann', 'bo'],
    ],
    ['nothing asked', { threadIds: [], people: [] }, []],
    ['unknown thread and person', { threadIds: ['t-x'], people: ['x@example.com'] }, []],
  ])('%s', async (_, where, expected) => {
    const { store, ...ids } = await threeItems();
    const names = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    const found = await listOpenItemsConcerning(store, where);
    expect(found.map((item) => names.get(item.id))).toEqual(expected);
  });

  it('follows a change of counterparties', async () => {
    const { store, bo } = await threeItems();
    await updateItem(store, bo, { counterparties: [{ name: 'Cy', address: 'cy@example.com' }] });
    expect(await listOpenItemsConcerning(store, { threadIds: [], people: ['bo@example.com'] })).toEqual([]);
    expect(
      (await listOpenItemsConcerning(store, { threadIds: [], people: ['cy@example.com'] })).map((i) => i.id),
    ).toEqual([bo]);
  });

  it('reads past one slice of bound values', async () => {
    const { store, ann } = await threeItems();
    const many = Array.from({ length: 1200 }, (_, n) => `p${n}@example.com`);
    const found = await listOpenItemsConcerning(store, { threadIds: [], people: [...many, 'ann@example.com'] });
    expect(found.map((i) => i.id)).toEqual([ann]);
  });
});
