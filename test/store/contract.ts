// The Store contract: what any engine behind the Store port must do. SQLite runs it (sqlite-contract.test.ts);
// a second engine gets its own three-line test file calling storeContract with its opener.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasMessage, saveMessage, type Store } from '../../src/store/index.js';
import { sampleItem, sampleMessage, tempDir } from './helpers.js';

const NOW = new Date('2026-11-16T12:00:00Z');
const cursor = (folder: string, lastUid: number) => ({
  folder,
  uidValidity: '4294967295',
  lastUid,
  highestModseq: '9007199254740993',
  resets: 0,
  parked: 0,
});

export function storeContract(
  engine: string,
  open: (dir: string) => Promise<Store>,
  reopen: (path: string) => Promise<Store>,
): void {
  const withStore = async (test: (store: Store, dir: string) => Promise<void>) => {
    const dir = await tempDir();
    const store = await open(dir);
    try {
      await test(store, dir);
    } finally {
      await store.close().catch(() => undefined);
    }
  };

  describe(`Store contract: ${engine}`, () => {
    it("keeps each account's messages, threads, cursors and skips to itself", () =>
      withStore(async (store) => {
        const work = store.forAccount('work');
        const home = store.forAccount('home');
        for (const account of [work, home]) {
          expect(await account.messages.save(sampleMessage())).toBe(true);
          expect(await account.messages.save(sampleMessage())).toBe(false);
          expect(await account.skips.record({ origin: 'imap:Sent', messageKey: 'k', reason: 'r' }, NOW)).toBe(true);
        }
        await work.threads.save(['<a@x>'], 'T-work');
        await home.threads.save(['<a@x>'], 'T-home');
        await work.cursors.save(cursor('Sent', 7), NOW);
        expect((await work.threads.lookup(['<a@x>'])).get('<a@x>')).toBe('T-work');
        expect((await home.threads.lookup(['<a@x>'])).get('<a@x>')).toBe('T-home');
        expect(await work.cursors.get('Sent')).toEqual(cursor('Sent', 7));
        expect(await home.cursors.get('Sent')).toBeNull();
        expect(await store.forAccount('other').messages.has(sampleMessage().id)).toBe(false);
        expect((await home.messages.inThread(sampleMessage().threadId)).map((m) => m.id)).toEqual([sampleMessage().id]);
        expect((await home.skips.list()).map((s) => s.account)).toEqual(['home']);
      }));

    it('numbers items uniquely across accounts, finds them by id from any account, lists them per account', () =>
      withStore(async (store) => {
        const work = store.forAccount('work');
        const home = store.forAccount('home');
        await work.messages.save(sampleMessage());
        await home.messages.save(sampleMessage());
        const a = await work.items.insert(sampleItem(), NOW);
        const b = await home.items.insert(sampleItem(), NOW);
        expect(await work.items.insert(sampleItem(), NOW)).toEqual({ id: a.id, inserted: false });
        expect(a.id).not.toBe(b.id);
        expect((await work.items.get(b.id))?.account).toBe('home');
        expect((await work.items.update(b.id, { status: 'done' }, NOW))?.status).toBe('done');
        expect(await home.items.list({ status: 'open' })).toEqual([]);
        expect((await work.items.list()).map((i) => i.id)).toEqual([a.id]);
      }));

    it('commits a transaction whole or not at all, scoped like the account it was opened on', () =>
      withStore(async (store) => {
        const work = store.forAccount('work');
        await expect(
          work.transaction(async (tx) => {
            expect(tx.account).toBe('work');
            await saveMessage(tx, sampleMessage());
            expect(await hasMessage(tx, sampleMessage().id)).toBe(true);
            throw new Error('boom');
          }),
        ).rejects.toThrow('boom');
        expect(await work.messages.has(sampleMessage().id)).toBe(false);
      }));

    it('reports sound integrity, counts per account, and writes a backup that opens with the same rows', () =>
      withStore(async (store, dir) => {
        const work = store.forAccount('work');
        await work.messages.save(sampleMessage());
        await work.items.insert(sampleItem(), NOW);
        await work.cursors.save(cursor('INBOX', 3), NOW);
        expect(await store.integrity()).toEqual([]);
        const stats = await store.stats();
        expect(stats.items).toEqual([{ account: 'work', kind: 'promise', status: 'open', count: 1 }]);
        expect(stats.cursors.map((c) => [c.account, c.folder, c.lastUid])).toEqual([['work', 'INBOX', 3]]);
        expect(stats.messages).toBe(1);
        const copy = join(dir, 'copy.db');
        await store.backup(copy);
        expect((await readFile(copy)).length).toBeGreaterThan(0);
        const restored = await reopen(copy);
        try {
          expect((await restored.forAccount('work').items.list()).map((i) => i.text)).toEqual([sampleItem().text]);
        } finally {
          await restored.close();
        }
      }));
  });
}
