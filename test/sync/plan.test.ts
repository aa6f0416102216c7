import { describe, expect, it } from 'vitest';
import type { FolderCursor } from '../../src/store/index.js';
import { chunk, chunkByBytes, cursorsAfter, mergeByDate, type Pending } from '../../src/sync/plan.js';

const p = (folder: string, uid: number, at: number): Pending => ({ folder, uid, at });
const cursor = (folder: string, lastUid: number): FolderCursor => ({
  folder,
  uidValidity: '7',
  lastUid,
  highestModseq: null,
  resets: 0,
  parked: 0,
});

describe('mergeByDate', () => {
  it('interleaves folders by date so a reply comes after the mail it answers', () => {
    const sent = [p('Sent', 1, 10), p('Sent', 2, 30)];
    const inbox = [p('INBOX', 5, 20), p('INBOX', 6, 40)];
    expect(mergeByDate([sent, inbox]).map((x) => `${x.folder}:${x.uid}`)).toEqual([
      'Sent:1',
      'INBOX:5',
      'Sent:2',
      'INBOX:6',
    ]);
  });

  it('keeps each folder in UID order even when dates disagree (the cursor must stay exact)', () => {
    const sent = [p('Sent', 2, 5), p('Sent', 1, 50)];
    expect(mergeByDate([sent]).map((x) => x.uid)).toEqual([1, 2]);
  });

  it.each([
    [[], []],
    [[[]], []],
    [[[], [p('INBOX', 1, 1)]], ['INBOX:1']],
  ])('edge case %#', (folders, expected) => {
    expect(mergeByDate(folders).map((x) => `${x.folder}:${x.uid}`)).toEqual(expected);
  });
});

describe('chunk', () => {
  it.each([
    [[1, 2, 3, 4, 5], 2, [[1, 2], [3, 4], [5]]],
    [[], 3, []],
  ])('%j by %i', (items, size, expected) => {
    expect(chunk(items, size)).toEqual(expected);
  });
});

describe('cursorsAfter', () => {
  const known = new Map([
    ['Sent', cursor('Sent', 10)],
    ['INBOX', cursor('INBOX', 3)],
  ]);
  it('advances each folder in the batch to its highest UID, and only those', () => {
    const after = cursorsAfter([p('Sent', 11, 1), p('Sent', 14, 2)], known);
    expect(after).toEqual([cursor('Sent', 14)]);
  });
  it('never moves a cursor backwards', () => {
    expect(cursorsAfter([p('INBOX', 2, 1)], known)).toEqual([cursor('INBOX', 3)]);
  });
});

describe('chunkByBytes', () => {
  const mails = (...sizes: number[]): Pending[] =>
    sizes.map((size, i) => ({ folder: 'Sent', uid: i + 1, at: i, size }));
  const cut = (queue: Pending[], maxBytes: number, maxCount: number) =>
    chunkByBytes(queue, maxBytes, maxCount).map((b) => b.map((p) => p.uid));

  it.each([
    [
      'closes a batch before it passes the byte budget',
      mails(40, 40, 40, 40),
      100,
      10,
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['a mail larger than the budget is a batch alone', mails(10, 500, 10), 100, 10, [[1], [2], [3]]],
    ['the count still caps a batch of small mails', mails(1, 1, 1, 1, 1), 100, 2, [[1, 2], [3, 4], [5]]],
    ['unknown sizes (0) fall back to the count', mails(0, 0, 0), 100, 2, [[1, 2], [3]]],
    ['nothing queued, no batch', mails(), 100, 10, []],
  ])('%s', (_, queue, maxBytes, maxCount, expected) => {
    expect(cut(queue, maxBytes, maxCount)).toEqual(expected);
  });
});
