// Extraction speed on real mail: parse only, parse + extract, and the full ingest into a SQLite file.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createExtractor } from '../src/extract/index.js';
import { ingestBatch } from '../src/ingest/batch.js';
import { createLogger } from '../src/log.js';
import { parseMessage } from '../src/parse/mailparser.js';
import { openStore } from '../src/store/index.js';
import type { RawMessage } from '../src/types.js';
import { type Figure, measure } from './measure.js';

async function corpus(dirs: string[]): Promise<RawMessage[]> {
  const raws: RawMessage[] = [];
  for (const dir of dirs) {
    const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
    for (const file of files) {
      raws.push({ origin: `file:${join(dir, file)}`, mailbox: 'Sent', bytes: await readFile(join(dir, file)) });
    }
  }
  return raws;
}

export async function benchExtraction(dirs: string[], rounds: number): Promise<Figure[]> {
  const base = await corpus(dirs);
  if (base.length === 0) return [];
  const raws = Array.from({ length: rounds }, () => base).flat();
  const extractor = createExtractor();
  const parseOnly = await measure('parse only', raws.length, async () => {
    for (const raw of raws) await parseMessage(raw);
  });
  const parseExtract = await measure('parse + extract', raws.length, async () => {
    for (const raw of raws) extractor.extract(await parseMessage(raw));
  });
  const dir = await mkdtemp(join(tmpdir(), 'followthru-bench-'));
  const store = await openStore(join(dir, 'bench.db'));
  const log = createLogger({ level: 'silent' });
  const ctx = {
    me: ['nobody@bench.example'],
    now: new Date(),
    timeZone: 'America/Chicago',
    holidays: [],
    trackAddress: null,
  };
  // Each mail once: ingesting duplicates would measure the dedupe shortcut instead.
  const ingest = await measure('parse + extract + track + store (SQLite)', base.length, async () => {
    for (let i = 0; i < base.length; i += 200)
      await ingestBatch({ store, extractor, log }, ctx, base.slice(i, i + 200));
  });
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return [parseOnly, parseExtract, ingest];
}
