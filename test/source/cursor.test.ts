import { describe, expect, it } from 'vitest';
import {
  filterNew,
  hasUidValidityChanged,
  MAX_RESETS,
  nextFetchRange,
  planFolder,
  shouldPark,
} from '../../src/source/cursor.js';
import type { FolderStatus } from '../../src/source/port.js';
import type { FolderCursor } from '../../src/store/index.js';

const since = new Date('2026-10-17T00:00:00Z');
const status = (uidValidity: string, uidNext: number): FolderStatus => ({
  uidValidity,
  uidNext,
  messages: Math.max(0, uidNext - 1),
  highestModseq: null,
});
const cursor = (spec: Partial<FolderCursor> = {}): FolderCursor => ({
  folder: 'Sent',
  uidValidity: '100',
  lastUid: 10,
  highestModseq: null,
  resets: 0,
  parked: 0,
  ...spec,
});

describe('hasUidValidityChanged', () => {
  it.each([
    ['same value', cursor(), status('100', 11), false],
    ['first sight is no change', null, status('100', 11), false],
    ['a new value', cursor(), status('101', 11), true],
    ['above 2^31, compared as text', cursor({ uidValidity: '3000000000' }), status('3000000001', 1), true],
    ['above 2^31, equal', cursor({ uidValidity: '4294967295' }), status('4294967295', 1), false],
  ])('%s', (_name, stored, seen, changed) => expect(hasUidValidityChanged(stored, seen)).toBe(changed));
});

describe('nextFetchRange', () => {
  it.each([
    ['first sight: backfill the window', null, status('100', 1), { kind: 'backfill', since }],
    ['nothing above the cursor', cursor(), status('100', 11), { kind: 'none' }],
    [
      'a cursor past UIDNEXT (a server bug) fetches nothing',
      cursor({ lastUid: 40 }),
      status('100', 11),
      { kind: 'none' },
    ],
    ['new mail: N:* above the cursor', cursor(), status('100', 15), { kind: 'uids', range: '11:*', afterUid: 10 }],
    ['server without UIDNEXT: ask anyway', cursor(), status('100', 0), { kind: 'uids', range: '11:*', afterUid: 10 }],
    ['an empty folder seen before', cursor({ lastUid: 0 }), status('100', 1), { kind: 'none' }],
    [
      'UIDVALIDITY changed: reset',
      cursor(),
      status('200', 3),
      { kind: 'reset', since, was: '100', now: '200', resets: 1 },
    ],
    [
      `reset number ${MAX_RESETS}: still a reset`,
      cursor({ resets: MAX_RESETS - 1 }),
      status('200', 3),
      { kind: 'reset', resets: MAX_RESETS },
    ],
    [
      `reset number ${MAX_RESETS + 1}: parked`,
      cursor({ resets: MAX_RESETS }),
      status('200', 3),
      { kind: 'parked', resets: MAX_RESETS + 1 },
    ],
    [
      'parked stays parked, even with new mail',
      cursor({ parked: 1, resets: 4 }),
      status('100', 99),
      { kind: 'parked', resets: 4 },
    ],
  ])('%s', (_name, stored, seen, expected) => expect(nextFetchRange(stored, seen, since)).toMatchObject(expected));

  it('takes the reset limit as a parameter', () => {
    expect(nextFetchRange(cursor(), status('200', 3), since, 0)).toEqual({ kind: 'parked', resets: 1 });
  });
});

describe('filterNew', () => {
  it.each([
    ['N:* answered only the highest UID, which is old', [10], 10, []],
    ['N:* answered the highest UID below the cursor', [7], 10, []],
    ['new UIDs kept, sorted', [13, 11, 12], 10, [11, 12, 13]],
    ['duplicates dropped', [11, 11, 12], 10, [11, 12]],
    ['from zero', [1, 2], 0, [1, 2]],
    ['nothing', [], 10, []],
  ])('%s', (_name, uids, lastUid, expected) => expect(filterNew(uids, lastUid)).toEqual(expected));
});

describe('shouldPark', () => {
  it.each([
    [0, 3, false],
    [3, 3, false],
    [4, 3, true],
    [1, 0, true],
    [MAX_RESETS + 1, undefined, true],
    [MAX_RESETS, undefined, false],
  ])('%i resets, limit %s → %s', (resets, limit, park) => expect(shouldPark(resets, limit)).toBe(park));
});

describe('planFolder carries the cursor to save', () => {
  it.each([
    [
      'backfill starts a cursor at 0 under the seen UIDVALIDITY',
      null,
      status('100', 5),
      { kind: 'backfill', cursor: { uidValidity: '100', lastUid: 0, resets: 0, parked: 0 } },
    ],
    [
      'incremental keeps the stored cursor',
      cursor(),
      status('100', 15),
      { kind: 'incremental', afterUid: 10, cursor: { lastUid: 10 } },
    ],
    [
      'up-to-date keeps the stored cursor',
      cursor(),
      status('100', 11),
      { kind: 'up-to-date', cursor: { lastUid: 10 } },
    ],
    [
      'a reset restarts at 0 and counts',
      cursor({ resets: 1 }),
      status('200', 3),
      { kind: 'reset', cursor: { uidValidity: '200', lastUid: 0, resets: 2 } },
    ],
    [
      'parking marks the cursor',
      cursor({ resets: MAX_RESETS }),
      status('300', 3),
      { kind: 'parked', cursor: { parked: 1, resets: MAX_RESETS + 1, uidValidity: '100' } },
    ],
    [
      'an already parked cursor is left as it is',
      cursor({ parked: 1, resets: 4 }),
      status('300', 3),
      { kind: 'parked', cursor: { parked: 1, resets: 4 } },
    ],
  ])('%s', (_name, stored, seen, expected) => expect(planFolder('Sent', stored, seen, since)).toMatchObject(expected));
});
