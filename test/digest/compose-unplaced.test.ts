// One item the digest cannot place (a day that does not exist, an instant that is no instant) is left out and
// reported; it never takes the whole digest down with it.
import { describe, expect, it } from 'vitest';
import { type ComposeOptions, composeDigest } from '../../src/digest/compose.js';
import { DEFAULT_CADENCE } from '../../src/track/cadence.js';
import type { TrackedItem } from '../../src/types.js';
import { item } from './factory.js';

const o: ComposeOptions = {
  now: new Date('2026-11-16T13:30:00Z'),
  timeZone: 'America/Chicago',
  holidays: [],
  lastDigestAt: null,
  maxItems: 25,
  quiet: false,
  cadence: DEFAULT_CADENCE,
};

describe('composeDigest with items it cannot place', () => {
  it.each([
    ['a due day that does not exist', item({ due: { date: '2026-11-31', at: null, text: 'by the 31st' } })],
    ['a due day past year 9999', item({ due: { date: '10000-01-07', at: null, text: 'by Friday' } })],
    ['a sent instant that is no instant', item({ sentAt: 'not a date' })],
  ])('%s: left out and reported, the rest composed', (_name, bad) => {
    const good = item({ due: { date: '2026-11-13', at: null, text: 'Friday' } });
    const unplaced: [number, string][] = [];
    const digest = composeDigest([bad, good], {
      ...o,
      onUnplaced: (i: TrackedItem, reason: string) => unplaced.push([i.id, reason]),
    });
    expect(digest?.sections.flatMap((s) => s.lines.map((l) => l.itemId))).toEqual([good.id]);
    expect(unplaced.map(([id]) => id)).toEqual([bad.id]);
    expect(unplaced[0]?.[1].length).toBeGreaterThan(0);
  });
});
