// Real SQLite files in a fresh temp folder per test: no mocks, so WAL, locking and migrations are the real thing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { type NewItem, openStore, type Store, type StoredMessage } from '../../src/store/index.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A temp folder removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'followthru-store-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A migrated store in a temp file, closed after the test (closing twice is harmless). */
export async function tempStore(name = 'test.db'): Promise<{ store: Store; path: string; dir: string }> {
  const dir = await tempDir();
  const path = join(dir, name);
  const store = await openStore(path);
  cleanups.push(() => store.close().catch(() => undefined));
  return { store, path, dir };
}

export function sampleMessage(overrides: Partial<StoredMessage> = {}): StoredMessage {
  return {
    id: 'abc@mail.example.com',
    messageId: 'abc@mail.example.com',
    threadId: 'abc@mail.example.com',
    folder: 'Sent',
    direction: 'sent',
    from: [{ name: 'Me', address: 'me@example.com' }],
    to: [{ name: 'Ann', address: 'ann@example.com' }],
    cc: [],
    subject: 'Brochure',
    sentAt: '2024-03-04T09:00:00.000Z',
    inReplyTo: null,
    references: [],
    attachments: ['brochure.pdf'],
    seenAt: '2024-03-04T09:05:00.000Z',
    ...overrides,
  };
}

export function sampleItem(overrides: Partial<NewItem> = {}): NewItem {
  return {
    kind: 'promise',
    status: 'open',
    text: "I'll send the brochure by Friday.",
    action: 'send the brochure',
    due: { date: '2024-03-08', at: null, text: 'by Friday' },
    counterparties: [{ name: 'Ann', address: 'ann@example.com' }],
    messageId: 'abc@mail.example.com',
    threadId: 'abc@mail.example.com',
    subject: 'Brochure',
    sentAt: '2024-03-04T09:00:00.000Z',
    rule: 'will-send',
    confidence: 0.9,
    evidence: null,
    snoozedUntil: null,
    nudges: 0,
    clockStartedAt: '2024-03-04T09:00:00.000Z',
    rejectedEvidence: [],
    ...overrides,
  };
}
