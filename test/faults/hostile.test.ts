// Generated mail bombs go through the real ingest stage: no crash, each within a time budget, a mail that cannot
// be handled is skipped once with its reason, and the mail after it is still processed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { ingestBatch } from '../../src/ingest/batch.js';
import { createLogger } from '../../src/log.js';
import { listItems, listSkips, openStore, type Store } from '../../src/store/index.js';
import type { RawMessage } from '../../src/types.js';
import { recordFault } from './report.js';

const head = (id: string, extra = '') =>
  `From: Dana <dana@northwind.example>\r\nTo: Ann <ann@x.example>\r\nSubject: ${id}\r\nDate: Mon, 16 Nov 2026 09:00:00 -0600\r\nMessage-ID: <${id}@northwind.example>\r\n${extra}`;

function nested(depth: number): string {
  let body = "I'll send the nested report Friday.";
  for (let i = 0; i < depth; i++)
    body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}\r\n--b${i}--`;
  return body;
}

const BOMBS: [string, () => Buffer][] = [
  ['3000 nested multiparts', () => Buffer.from(`${head('nested')}MIME-Version: 1.0\r\n${nested(3000)}\r\n`)],
  [
    'a 50 MB mail',
    () =>
      Buffer.concat([
        Buffer.from(
          `${head('huge')}MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=X\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\nI'll send the big file Friday.\r\n--X\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Disposition: attachment; filename=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n`,
        ),
        Buffer.alloc(50 * 2 ** 20, 'QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n'),
        Buffer.from('\r\n--X--\r\n'),
      ]),
  ],
  [
    'a 2 MB header',
    () => Buffer.from(`${head('header', `X-Junk: ${'a'.repeat(2 * 2 ** 20)}\r\n`)}\r\nI'll call you Monday.\r\n`),
  ],
  ['an endless line', () => Buffer.from(`${head('line')}\r\n${"I'll send it. ".repeat(400_000)}\r\n`)],
  ['binary garbage', () => Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256))],
];

describe('hostile and huge mail through ingest', () => {
  let store: Store;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'followthru-hostile-'));
    store = await openStore(join(dir, 'h.db'));
  });
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  const deps = () => ({ store, extractor: createExtractor(), log: createLogger({ level: 'silent' }) });
  const ctx = {
    me: ['dana@northwind.example'],
    now: new Date('2026-11-16T16:00:00Z'),
    timeZone: 'America/Chicago',
    holidays: [],
    trackAddress: null,
  };

  it.each(BOMBS)('%s: handled within budget, and the next mail still counts', async (name, build) => {
    const bomb: RawMessage = { origin: `test:${name}`, mailbox: 'Sent', uid: 1, uidValidity: '1', bytes: build() };
    const next: RawMessage = {
      origin: 'test:next',
      mailbox: 'Sent',
      bytes: Buffer.from(`${head(`after-${name.replace(/\W/g, '')}`)}\r\nI'll fax the form tomorrow.\r\n`),
    };
    const started = performance.now();
    const before = process.memoryUsage.rss();
    const outcome = await ingestBatch(deps(), ctx, [bomb, next]);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(process.memoryUsage.rss() - before).toBeLessThan(1024 * 2 ** 20);
    expect(outcome.messages + outcome.skipped + outcome.duplicates).toBe(2);
    const items = await listItems(store, { kind: 'promise' });
    expect(items.some((i) => i.text === "I'll fax the form tomorrow." && i.messageId.startsWith('after-'))).toBe(true);
  });

  it('records a skipped mail once, with its reason, even when seen again', async () => {
    const promises = (await listItems(store, { kind: 'promise' })).filter((i) => i.messageId.startsWith('after-'));
    recordFault({
      fault: 'mail bombs (nesting, 50 MB, 2 MB header, endless line, garbage)',
      injected: BOMBS.length,
      expected: BOMBS.length,
      found: promises.length,
      duplicates: promises.length - new Set(promises.map((p) => p.messageId)).size,
      crashes: 0,
    });
    const skips = await listSkips(store);
    const keys = skips.map((s) => s.messageKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const skip of skips) expect(skip.reason.length).toBeGreaterThan(0);
  });
});

describe('the public hostile-MIME corpus through ingest, as inbound mail', () => {
  it('every file is stored or skipped once, and no auto-reply or bounce becomes a promise of theirs', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { sharedDir } = await import('../support/shared.js');
    const root = sharedDir('fixtures', 'hostile-mime');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' })
      .map((f) => join(root, f))
      .filter((f) => statSync(f).isFile() && !/LICENSE|UPSTREAM|README/i.test(f));
    const dir = await mkdtemp(join(tmpdir(), 'followthru-hostile-corpus-'));
    const store = await openStore(join(dir, 'c.db'));
    try {
      const deps = { store, extractor: createExtractor(), log: createLogger({ level: 'silent' }) };
      const ctx = {
        me: ['dana@northwind.example'],
        now: new Date('2026-11-16T16:00:00Z'),
        timeZone: 'UTC',
        holidays: [],
        trackAddress: null,
      };
      const raws: RawMessage[] = files.map((f, i) => ({
        origin: `file:${f}`,
        mailbox: 'INBOX',
        uid: i + 1,
        uidValidity: '1',
        bytes: readFileSync(f),
      }));
      let seen = 0;
      for (let i = 0; i < raws.length; i += 50) {
        const o = await ingestBatch(deps, ctx, raws.slice(i, i + 50));
        seen += o.messages + o.skipped + o.duplicates;
      }
      expect(seen).toBe(files.length);
      const auto = await store.all<{ n: number }>(
        "SELECT COUNT(*) AS n FROM items i JOIN messages m ON m.id = i.message_id WHERE i.kind = 'their-promise' AND (m.subject LIKE '%Undeliver%' OR m.subject LIKE '%Delivery Status%' OR m.subject LIKE '%Automatic reply%' OR m.subject LIKE '%Out of Office%')",
      );
      expect(auto[0]?.n).toBe(0);
      recordFault({
        fault: 'hostile-MIME corpus through ingest',
        injected: files.length,
        expected: files.length,
        found: seen,
        duplicates: 0,
        crashes: 0,
      });
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
