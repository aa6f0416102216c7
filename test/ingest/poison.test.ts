// A poison mail is rolled back alone and passed over; a store that is full fails the batch instead, so that
// no good mail is ever written off as poison. Real SQLite files, real failures.
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { ingestBatch } from '../../src/ingest/batch.js';
import { createLogger } from '../../src/log.js';
import { getCursor, listItems, listSkips } from '../../src/store/index.js';
import type { RawMessage } from '../../src/types.js';
import { tempStore } from '../store/helpers.js';

const ctx = {
  me: ['dana@northwind.example'],
  now: new Date('2026-11-16T16:00:00Z'),
  timeZone: 'UTC',
  holidays: [],
  trackAddress: null,
};
const mail = (n: number, subject = `Order ${n}`): RawMessage => ({
  origin: 'imap:Sent',
  mailbox: 'Sent',
  uid: n,
  uidValidity: '7',
  bytes: Buffer.from(
    `From: Dana <dana@northwind.example>\r\nTo: C <c${n}@x.example>\r\nSubject: ${subject}\r\nDate: Mon, 16 Nov 2026 09:00:00 +0000\r\nMessage-ID: <m${n}@x>\r\n\r\nI'll send you order form ${n} on Friday.\r\n`,
  ),
});
const cursor = { folder: 'Sent', uidValidity: '7', lastUid: 3, highestModseq: null, resets: 0, parked: 0 };

describe('poison mail in a batch', () => {
  it('the failing mail leaves nothing but its skip; the mails before and after it are stored, the cursor moves', async () => {
    const { store } = await tempStore();
    await store.exec(
      "CREATE TRIGGER refuse BEFORE INSERT ON thread_keys WHEN NEW.key = 'm2@x' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    const deps = { store, extractor: createExtractor(), log: createLogger({ level: 'silent' }) };
    const outcome = await ingestBatch(deps, ctx, [mail(1), mail(2), mail(3)], [cursor]);
    expect(outcome).toMatchObject({ messages: 2, skipped: 1, created: 2 });
    expect((await listItems(store)).map((i) => i.messageId)).toEqual(['m1@x', 'm3@x']);
    // its message row was written before the refusal, and rolled back with the rest of the mail
    expect(await store.get("SELECT 1 FROM messages WHERE id = 'm2@x'")).toBeUndefined();
    expect((await listSkips(store)).map((s) => [s.messageKey, s.reason.includes('refused')])).toEqual([['m2@x', true]]);
    expect((await getCursor(store, 'Sent'))?.lastUid).toBe(3);
  });

  it("a full store is not the mail's fault: the batch fails, nothing is skipped, and the mail goes in later", async () => {
    const { store } = await tempStore();
    const pages = (await store.get<{ page_count: number }>('PRAGMA page_count'))?.page_count ?? 0;
    await store.get(`PRAGMA max_page_count = ${pages}`);
    const deps = { store, extractor: createExtractor(), log: createLogger({ level: 'silent' }) };
    const big = mail(1, 'Order notes '.repeat(20_000)); // its subject alone needs more pages than are left
    await expect(ingestBatch(deps, ctx, [big], [cursor])).rejects.toThrow(/SQLITE_FULL/);
    expect(await listSkips(store)).toEqual([]);
    expect(await getCursor(store, 'Sent')).toBeNull();
    await store.get('PRAGMA max_page_count = 1073741823');
    expect(await ingestBatch(deps, ctx, [big], [cursor])).toMatchObject({ messages: 1, skipped: 0 });
  });
});
