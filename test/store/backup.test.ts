import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupStore, insertItem, listItems, openStore, saveMessage } from '../../src/store/index.js';
import { sampleItem, sampleMessage, tempDir, tempStore } from './helpers.js';

describe('backupStore', () => {
  it('writes a copy that opens with the same rows', async () => {
    const { store } = await tempStore();
    await saveMessage(store, sampleMessage());
    await insertItem(store, sampleItem({ text: 'one' }));
    await insertItem(store, sampleItem({ text: 'two' }));
    const dest = join(await tempDir(), 'backups', 'copy.db');
    await backupStore(store, dest);
    const copy = await openStore(dest);
    expect(await listItems(copy)).toEqual(await listItems(store));
    await copy.close();
  });

  it('replaces an existing backup and leaves no temporary file', async () => {
    const { store } = await tempStore();
    const dir = await tempDir();
    const dest = join(dir, 'copy.db');
    await writeFile(dest, 'old backup');
    await backupStore(store, dest);
    expect(await readdir(dir)).toEqual(['copy.db']);
    const copy = await openStore(dest);
    expect(await listItems(copy)).toEqual([]);
    await copy.close();
  });
});

describe('backupStore, negative cases', () => {
  it('fails with ESTORE when the destination cannot be written, leaving nothing behind', async () => {
    const { store } = await tempStore();
    const dir = await tempDir();
    const dest = join(dir, 'blocker', 'copy.db');
    await writeFile(join(dir, 'blocker'), 'a file where a folder should be');
    await expect(backupStore(store, dest)).rejects.toMatchObject({ code: 'ESTORE' });
    expect(existsSync(dest)).toBe(false);
  });
});
