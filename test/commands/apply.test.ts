import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/commands/apply.js';
import type { ReplyCommand, TrackedItem } from '../../src/types.js';
import { item } from '../digest/factory.js';

const NOW = new Date('2026-11-16T14:10:00Z');
const evidence = {
  messageId: 'wrong@x',
  subject: 'Hi',
  at: '2026-11-13T10:00:00.000Z',
  attachment: 'x.pdf',
  words: [],
  confidence: 0.7,
};
const open = item({ id: 101 });
const kept = item({ id: 102, status: 'kept', evidence });
const items = new Map<number, TrackedItem>([
  [101, open],
  [102, kept],
]);
const entries = [
  { number: 1, itemId: 101 },
  { number: 2, itemId: 102 },
];
const run = (...commands: ReplyCommand[]) => applyCommands(commands, entries, items, NOW);

describe('applyCommands', () => {
  it('marks an item done through the digest number', () => {
    const { changes } = run({ verb: 'done', numbers: [1] });
    expect(changes).toEqual([{ item: expect.objectContaining({ id: 101, status: 'done' }), suppress: false }]);
  });

  it('reopens a wrongly kept item and never lets that evidence close it again', () => {
    const { changes } = run({ verb: 'reopen', numbers: [2] });
    expect(changes[0]?.item).toMatchObject({ status: 'open', evidence: null, rejectedEvidence: ['wrong@x'] });
  });

  it('"not a promise" drops the item and asks to suppress the wording', () => {
    expect(run({ verb: 'not-a-promise', numbers: [1] }).changes[0]).toMatchObject({
      item: { status: 'dropped' },
      suppress: true,
    });
  });

  it('snoozes until the given time, and sets a new due date', () => {
    const until = '2026-11-23T14:00:00.000Z';
    expect(
      run({ verb: 'snooze', numbers: [1], until, day: '2026-11-23', whenText: 'monday' }).changes[0]?.item,
    ).toMatchObject({ status: 'snoozed', snoozedUntil: until });
    const due = { date: '2026-11-20', at: null, text: 'friday' };
    expect(run({ verb: 'due', numbers: [1], due }).changes[0]?.item.due).toEqual(due);
  });

  it.each([
    ['a number the digest does not have', { verb: 'done', numbers: [9] } as ReplyCommand, /no item 9/],
    [
      'an impossible move',
      {
        verb: 'snooze',
        numbers: [2],
        until: '2026-11-23T14:00:00.000Z',
        day: '2026-11-23',
        whenText: 'monday',
      } as ReplyCommand,
      /not possible/,
    ],
    ['an unknown command', { verb: 'unknown', text: 'frob 2' } as ReplyCommand, /not understood/],
  ])('reports %s and changes nothing', (_name, command, message) => {
    const { changes, results } = run(command);
    expect(changes).toEqual([]);
    expect(results[0]).toMatch(message);
  });
});
