import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/commands/apply.js';
import type { ReplyCommand, TrackedItem } from '../../src/types.js';
import { item } from '../digest/factory.js';

const NOW = new Date('2026-11-16T14:10:00Z');
const evidence = {
  messageId: 'wrong@x',
  subject: 'Hi',
  at: '2026-11-13T10:00:00.000Z',
  attachment: null,
  words: ['quote'],
  confidence: 0.7,
};
const fresh = () =>
  new Map<number, TrackedItem>([
    [201, item({ id: 201, text: "I'll send the quote Friday." })],
    [202, item({ id: 202, status: 'kept', evidence })],
    [203, item({ id: 203, status: 'done' })],
    [204, item({ id: 204, status: 'snoozed', snoozedUntil: '2026-11-20T14:00:00.000Z' })],
  ]);
// The digest numbers are not the item ids: commands must go through them.
const entries = [
  { number: 1, itemId: 201 },
  { number: 2, itemId: 202 },
  { number: 3, itemId: 203 },
  { number: 4, itemId: 204 },
];
const run = (...commands: ReplyCommand[]) => applyCommands(commands, entries, fresh(), NOW);
const friday = { date: '2026-11-20', at: null, text: 'friday' };

describe('applyCommands: more moves', () => {
  it('"done all" closes every item of the digest that can be closed, and says which could not', () => {
    const { changes, results } = run({ verb: 'done', numbers: 'all' });
    expect(changes.map((c) => [c.item.id, c.item.status])).toEqual([
      [201, 'done'],
      [202, 'done'],
      [204, 'done'],
    ]);
    expect(results[2]).toMatch(/^done 3: not possible for an item that is done/);
  });

  it('reopen then a new due date in one reply: the second sees the first', () => {
    const { changes } = run({ verb: 'reopen', numbers: [3] }, { verb: 'due', numbers: [3], due: friday });
    expect(changes).toEqual([
      { item: expect.objectContaining({ id: 203, status: 'open', due: friday }), suppress: false },
    ]);
  });

  it('a new due date wakes a snoozed item', () => {
    expect(run({ verb: 'due', numbers: [4], due: friday }).changes[0]?.item).toMatchObject({
      status: 'open',
      snoozedUntil: null,
      due: friday,
    });
  });

  it('"not a promise" then "reopen" keeps the suppression asked for', () => {
    const { changes } = run({ verb: 'not-a-promise', numbers: [1] }, { verb: 'reopen', numbers: [1] });
    expect(changes).toEqual([{ item: expect.objectContaining({ id: 201, status: 'open' }), suppress: true }]);
  });

  it('stamps updatedAt with now and leaves the input map alone', () => {
    const items = fresh();
    const { changes } = applyCommands([{ verb: 'drop', numbers: [1] }], entries, items, NOW);
    expect(changes[0]?.item.updatedAt).toBe(NOW.toISOString());
    expect(items.get(201)?.status).toBe('open');
  });

  it.each([
    [
      'snooze',
      {
        verb: 'snooze',
        numbers: [1],
        until: '2026-11-23T14:00:00.000Z',
        day: '2026-11-23',
        whenText: 'monday',
      } as ReplyCommand,
      'snooze 1: "I\'ll send the quote Friday." → snoozed until Mon 23 Nov',
    ],
    [
      'due',
      { verb: 'due', numbers: [1], due: friday } as ReplyCommand,
      'due 1: "I\'ll send the quote Friday." → due Fri 20 Nov',
    ],
    ['drop', { verb: 'drop', numbers: [1] } as ReplyCommand, 'drop 1: "I\'ll send the quote Friday." → dropped'],
  ])('reports %s in words the confirmation can show', (_name, command, result) => {
    expect(run(command).results).toEqual([result]);
  });
});

describe('applyCommands: refusals change nothing', () => {
  it.each([
    [
      'a new date for a closed item',
      { verb: 'due', numbers: [3], due: friday } as ReplyCommand,
      /^due 3: .*reopen it first/,
    ],
    ['reopening an open item', { verb: 'reopen', numbers: [1] } as ReplyCommand, /^reopen 1: not possible/],
    [
      'a snooze into the past',
      {
        verb: 'snooze',
        numbers: [1],
        until: '2026-11-16T14:00:00.000Z',
        day: '2026-11-16',
        whenText: 'today',
      } as ReplyCommand,
      /^snooze 1: not possible/,
    ],
    ['an item id used as a number', { verb: 'done', numbers: [201] } as ReplyCommand, /no item 201/],
    ['number 0', { verb: 'drop', numbers: [0] } as ReplyCommand, /no item 0/],
  ])('%s', (_name, command, message) => {
    const { changes, results } = run(command);
    expect(changes).toEqual([]);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatch(message);
  });

  it('an item that left the store since the digest is reported, not invented', () => {
    const { changes, results } = applyCommands([{ verb: 'done', numbers: [1] }], entries, new Map(), NOW);
    expect(changes).toEqual([]);
    expect(results[0]).toMatch(/no item 1/);
  });
});
