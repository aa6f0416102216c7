// The extraction pool (needs dist/: its worker is the compiled one): the same extractions as the calling thread
// alone, in the same order, whether a batch is shared with a worker or too small to be.
import { afterAll, describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/extract/index.js';
import { availableParallelism } from 'node:os';
import { createExtractionPool, defaultPoolSize, MIN_SHARED } from '../../src/extract/pool.js';
import { mailWith } from './helpers.js';

const extractor = createExtractor();
const pool = createExtractionPool(extractor, { size: 1 });
afterAll(() => pool.close());

const texts = [
  "I'll send you the revised quote by Friday.",
  'Can you review the draft?',
  'Thanks for the update.',
  'We will ship the panels next Tuesday.',
  'Please call me tomorrow at 10.',
  'FYI, see below.',
];
const mails = Array.from({ length: MIN_SHARED * 2 + 3 }, (_, i) => mailWith(`${texts[i % texts.length] ?? ''} (${i})`));

describe('the extraction pool', () => {
  it('a batch shared with a worker gives what the calling thread alone gives, in order', async () => {
    expect(await pool.extractAll(mails)).toEqual(mails.map((m) => extractor.extract(m)));
    expect(pool.shared).toBeGreaterThan(0);
  }, 30_000);

  it('its size: $FOLLOWTHRU_EXTRACT_WORKERS ("auto": cores - 1, at least 1), else none', () => {
    expect(defaultPoolSize({ FOLLOWTHRU_EXTRACT_WORKERS: '0' })).toBe(0);
    expect(defaultPoolSize({ FOLLOWTHRU_EXTRACT_WORKERS: '3' })).toBe(3);
    expect(defaultPoolSize({ FOLLOWTHRU_EXTRACT_WORKERS: 'auto' })).toBe(Math.max(1, availableParallelism() - 1));
    expect(defaultPoolSize({ FOLLOWTHRU_EXTRACT_WORKERS: 'lots' })).toBe(0);
    expect(defaultPoolSize({})).toBe(0);
  });

  it('a small batch is extracted in line', async () => {
    const few = mails.slice(0, 3);
    const before = pool.shared;
    expect(await pool.extractAll(few)).toEqual(few.map((m) => extractor.extract(m)));
    expect(pool.shared).toBe(before);
  });
});
