import { describe, expect, it } from 'vitest';
import { applyCommands } from '../../src/commands/apply.js';
import { parseReplyCommands } from '../../src/commands/parse-reply.js';
import type { TrackedItem } from '../../src/types.js';
import { item } from '../digest/factory.js';

const now = new Date('2026-11-16T13:30:00Z');
const touch = { ...item({ rule: 'keep-in-touch', text: 'Keep in touch with Laura Chen' }), id: 1 } as TrackedItem;
const promise = { ...item({ text: 'I will send it' }), id: 2 } as TrackedItem;
const items = new Map([
  [1, touch],
  [2, promise],
]);
const entries = [
  { number: 1, itemId: 1 },
  { number: 2, itemId: 2 },
];

describe('mute N', () => {
  it('drops a Keep in touch line and asks to mute its people', () => {
    const { changes, results } = applyCommands([{ verb: 'mute', numbers: [1] }], entries, items, now);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ mute: true, item: { id: 1, status: 'dropped' } });
    expect(results[0]).toMatch(/^mute 1: /);
  });
  it('is refused on anything but Keep in touch', () => {
    const { changes, results } = applyCommands([{ verb: 'mute', numbers: [2] }], entries, items, now);
    expect(changes).toEqual([]);
    expect(results[0]).toMatch(/only a Keep in touch line/);
  });
  it('is read from a reply', () => {
    const parsed = parseReplyCommands('mute 1\n', now, 'America/Chicago');
    expect(JSON.stringify(parsed)).toContain('"verb":"mute"');
  });
});
