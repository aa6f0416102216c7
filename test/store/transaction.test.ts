import { describe, expect, it } from 'vitest';
import { getCursor, insertItem, listItems, saveCursor, saveMessage } from '../../src/store/index.js';
import { sampleItem, sampleMessage, tempStore } from './helpers.js';

const cursor = { folder: 'Sent', uidValidity: '1', lastUid: 10, highestModseq: null, resets: 0, parked: 0 };

describe('transaction', () => {
  it('commits everything the callback wrote', async () => {
    const { store } = await tempStore();
    const result = await store.transaction(async (tx) => {
      await saveMessage(tx, sampleMessage());
      await insertItem(tx, sampleItem());
      await saveCursor(tx, cursor);
      return 'done';
    });
    expect(result).toBe('done');
    expect(await listItems(store)).toHaveLength(1);
    expect(await getCursor(store, 'Sent')).toMatchObject({ lastUid: 10 });
  });

  it('serialises concurrent transactions: no statement of one lands inside the other', async () => {
    const { store } = await tempStore();
    const order: string[] = [];
    const work = (name: string) =>
      store.transaction(async (tx) => {
        order.push(`${name}:begin`);
        await tx.run('INSERT INTO meta (key, value) VALUES (?, ?)', [name, '1']);
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`${name}:end`);
      });
    await Promise.all([work('a'), work('b'), store.run("INSERT INTO meta (key, value) VALUES ('c', '1')")]);
    expect(order).toEqual(['a:begin', 'a:end', 'b:begin', 'b:end']);
  });

  it('nests as a savepoint: an inner failure undoes only the inner part', async () => {
    const { store } = await tempStore();
    await store.transaction(async (tx) => {
      await tx.run("INSERT INTO meta (key, value) VALUES ('outer', '1')");
      await tx
        .transaction(async (inner) => {
          await inner.run("INSERT INTO meta (key, value) VALUES ('inner', '1')");
          throw new Error('inner fails');
        })
        .catch(() => undefined);
    });
    const keys = await store.all<{ key: string }>('SELECT key FROM meta ORDER BY key');
    expect(keys.map((k) => k.key)).toEqual(['outer']);
  });
});

describe('transaction, failures', () => {
  it('rolls back: neither the cursor nor the items of the batch remain', async () => {
    const { store } = await tempStore();
    const failing = store.transaction(async (tx) => {
      await saveMessage(tx, sampleMessage());
      await insertItem(tx, sampleItem());
      await saveCursor(tx, cursor);
      throw new Error('crash mid-batch');
    });
    await expect(failing).rejects.toThrow('crash mid-batch');
    expect(await listItems(store)).toEqual([]);
    expect(await getCursor(store, 'Sent')).toBeNull();
  });

  it('refuses the store itself inside its own transaction instead of deadlocking', async () => {
    const { store } = await tempStore();
    const misuse = store.transaction(() => store.get('SELECT 1'));
    await expect(misuse).rejects.toMatchObject({ code: 'ESTORE', message: /use the tx handle/ });
  });

  it('refuses a tx handle used after its transaction ended', async () => {
    const { store } = await tempStore();
    const leaked = await store.transaction(async (tx) => tx);
    await expect(leaked.get('SELECT 1')).rejects.toMatchObject({
      code: 'ESTORE',
      message: /after its transaction/,
    });
  });

  it('keeps working after a failed transaction', async () => {
    const { store } = await tempStore();
    await store.transaction(() => Promise.reject(new Error('x'))).catch(() => undefined);
    await store.transaction((tx) => tx.run("INSERT INTO meta (key, value) VALUES ('after', '1')"));
    expect(await store.get("SELECT value FROM meta WHERE key = 'after'")).toEqual({ value: '1' });
  });
});
