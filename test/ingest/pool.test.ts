// The worker pool gives exactly what the single-threaded preparer gives, in the same order. It runs the compiled
// worker (dist/), which `npm test` builds first.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { inlinePreparer } from '../../src/ingest/prepare.js';
import type { RawMessage } from '../../src/types.js';

const { createPreparerPool } = (await import(resolve('dist/src/ingest/pool.js'))) as typeof import('../../src/ingest/pool.js');
const shared = process.env.FOLLOWTHRU_SHARED ?? resolve('..', 'shared');
const dev = join(shared, 'eval', 'dev');
const raws: RawMessage[] = [
  ...readdirSync(dev).filter((f) => f.endsWith('.eml')).sort().slice(0, 45).map((f) => ({ origin: `file:${f}`, mailbox: 'Sent', bytes: readFileSync(join(dev, f)) })),
  { origin: 'file:broken.eml', mailbox: 'Sent', uid: 7, uidValidity: '1', bytes: Buffer.from('\u0000\u0000 not a mail') },
];
const ctx = { me: ['kay.mann@enron.com'], timeZone: 'America/Chicago' };

describe('the parse worker pool', () => {
  const pool = createPreparerPool(2);
  afterAll(() => pool?.close());

  it('prepares a batch exactly as this thread does, in order', async () => {
    expect(pool).not.toBeNull();
    const expected = await inlinePreparer(createExtractor())(ctx, raws);
    const got = await pool?.prepare(ctx, raws);
    expect(got).toEqual(expected);
    expect(got?.filter((p) => 'message' in p && p.extraction?.commitments.length).length).toBeGreaterThan(0);
  }, 120_000);

  it('gives the raw mail back as it was sent, and an empty batch as empty', async () => {
    const got = await pool?.prepare(ctx, raws.slice(0, 3));
    expect(got?.map((p) => p.raw)).toEqual(raws.slice(0, 3));
    expect(await pool?.prepare(ctx, [])).toEqual([]);
  }, 120_000);
});
