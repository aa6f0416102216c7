// The people migration rebuilds people from the mail a store already holds (the fixture written by main).
import { copyFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPeople, listPeopleStats, openStore, recordPersonMail, scopeTo } from '../../src/store/index.js';
import { openSqlite } from '../../src/store/sqlite.js';
import { tempDir, tempStore } from './helpers.js';

const FIXTURE = resolve(import.meta.dirname, '../fixtures/store/v2-main.db');

describe('the people migration', () => {
  it('rebuilds people from stored mail: recipients of sent mail, senders of received mail', async () => {
    const path = join(await tempDir(), 'old.db');
    await copyFile(FIXTURE, path);
    const old = await openSqlite(path);
    const sent = await old.all<{ to_json: string; cc_json: string }>(
      "SELECT to_json, cc_json FROM messages WHERE direction = 'sent'",
    );
    await old.close();
    const expected = new Set(
      sent
        .flatMap((m) => [...JSON.parse(m.to_json), ...JSON.parse(m.cc_json)] as { address: string }[])
        .map((a) => a.address.toLowerCase()),
    );
    const store = await openStore(path);
    try {
      const people = await listPeople(store);
      const addresses = new Set(people.map((p) => p.address));
      for (const address of expected) expect(addresses, address).toContain(address);
      expect(people.every((p) => p.account === 'default')).toBe(true);
      const withSent = people.filter((p) => expected.has(p.address));
      expect(withSent.every((p) => p.firstSentAt !== null && p.lastSentAt !== null && p.exchanges >= 1)).toBe(true);
      expect(withSent.some((p) => p.name !== '')).toBe(true);
      // Every mail with a person is there once: opening again changes nothing.
      const mails = await store.get<{ n: number }>('SELECT count(*) AS n FROM person_mails');
      expect(mails?.n).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });

  it('counts a mail once, keeps first and last each way, and the latest name', async () => {
    const { store } = await tempStore();
    const db = scopeTo(store, 'work');
    const mail = {
      address: 'ann@example.com',
      name: 'Ann',
      messageId: 'm1',
      direction: 'sent' as const,
      at: '2026-01-05T10:00:00.000Z',
      subject: 'A',
      threadId: 't',
    };
    await recordPersonMail(db, mail);
    await recordPersonMail(db, mail);
    await recordPersonMail(db, {
      ...mail,
      messageId: 'm2',
      at: '2026-02-05T10:00:00.000Z',
      name: 'Ann Lee',
      subject: 'B',
    });
    await recordPersonMail(db, {
      ...mail,
      messageId: 'm3',
      direction: 'received',
      at: '2026-02-06T10:00:00.000Z',
      name: '',
    });
    const [ann] = await listPeople(db);
    expect(ann).toMatchObject({
      account: 'work',
      name: 'Ann Lee',
      firstSentAt: '2026-01-05T10:00:00.000Z',
      lastSentAt: '2026-02-05T10:00:00.000Z',
      lastReceivedAt: '2026-02-06T10:00:00.000Z',
      exchanges: 3,
    });
    expect(await listPeople(scopeTo(store, 'other'))).toEqual([]);
    const [stats] = await listPeopleStats(db, '2025-01-01');
    expect(stats).toMatchObject({
      sentDays: ['2026-01-05', '2026-02-05'],
      days: ['2026-01-05', '2026-02-05', '2026-02-06'],
      last: { messageId: 'm3' },
    });
  });
});
