import { describe, expect, it } from 'vitest';
import { readTrackTag } from '../../src/track/track-tag.js';

const TRACK = 'dana+followthru@northwind.example';
const SENT = new Date('2026-11-16T16:00:00Z'); // Mon 10:00 in Chicago
const read = (address: string) =>
  readTrackTag(
    [
      { name: '', address: 'ann@x.example' },
      { name: '', address },
    ],
    TRACK,
    SENT,
    'America/Chicago',
    -360,
  );

describe('readTrackTag', () => {
  it.each([
    ['dana+followthru-3d@northwind.example', '2026-11-19', '2026-11-19T14:00:00.000Z'],
    ['dana+followthru-fri@northwind.example', '2026-11-20', '2026-11-20T14:00:00.000Z'],
    ['dana+followthru-tomorrow@northwind.example', '2026-11-17', '2026-11-17T14:00:00.000Z'],
    ['dana+followthru-dec1@northwind.example', '2026-12-01', '2026-12-01T14:00:00.000Z'],
    ['dana+followthru-2w@northwind.example', '2026-11-30', '2026-11-30T14:00:00.000Z'],
  ])('%s → follow up %s', (address, day, wake) => {
    const tag = read(address);
    expect(tag?.due?.date).toBe(day);
    expect(tag?.wakeAt?.toISOString()).toBe(wake);
  });

  it('the plain track address tracks with the usual cadence', () => {
    expect(read(TRACK)).toEqual({ due: null, wakeAt: null, tag: '' });
  });

  it.each([
    ['another address', 'bob@northwind.example'],
    ['the same tag on another domain', 'dana+followthru-3d@evil.example'],
    ["the user's own plain address", 'dana@northwind.example'],
  ])('not tracked: %s', (_name, address) => {
    expect(read(address)).toBeUndefined();
  });
});
