// The batch's live items: found by thread or person through indexes, in the order a plain Map would list them,
// and one mail's changes undone when it fails.
import { describe, expect, it } from 'vitest';
import { batchScope, LiveItems } from '../../src/ingest/live-items.js';
import type { Address, Message, TrackedItem } from '../../src/types.js';

const person = (address: string): Address => ({ name: '', address });
const item = (id: number, threadId: string, ...people: string[]): TrackedItem => ({
  id,
  account: 'default',
  kind: 'promise',
  status: 'open',
  text: `item ${id}`,
  action: 'send',
  due: null,
  counterparties: people.map(person),
  messageId: `m${id}`,
  threadId,
  subject: '',
  sentAt: '2026-01-01T00:00:00Z',
  rule: 'r',
  confidence: 1,
  evidence: null,
  snoozedUntil: null,
  nudges: 0,
  clockStartedAt: '2026-01-01T00:00:00Z',
  rejectedEvidence: [],
  updatedAt: '2026-01-01T00:00:00Z',
});
const mail = (...people: string[]) => ({ from: [person('me@x.example')], to: people.map(person), cc: [], bcc: [] });
const ids = (items: TrackedItem[]) => items.map((i) => i.id);

describe('live items', () => {
  it('a mail finds the items of its thread and of its people, and no others', () => {
    const live = new LiveItems([
      item(1, 't1', 'ann@x.example'),
      item(2, 't2', 'bob@x.example'),
      item(3, 't3', 'cy@x.example'),
    ]);
    expect(ids(live.concerning(mail('bob@x.example'), 't1'))).toEqual([1, 2]);
    expect(ids(live.concerning(mail('dee@x.example'), 't9'))).toEqual([]);
  });

  it('people are compared as canonical addresses (case, plus tags)', () => {
    const live = new LiveItems([item(1, 't1', 'Ann+work@X.example')]);
    expect(ids(live.concerning(mail('ann@x.example'), 't9'))).toEqual([1]);
  });

  it('lists in insertion order; a replaced item keeps its place, a re-added one goes last', () => {
    const live = new LiveItems([item(5, 't', 'a@x.example'), item(2, 't', 'a@x.example'), item(9, 't', 'a@x.example')]);
    live.set(2, { ...item(2, 't', 'a@x.example'), text: 'changed' });
    expect(ids(live.concerning(mail(), 't'))).toEqual([5, 2, 9]);
    live.delete(5);
    live.set(5, item(5, 't', 'a@x.example'));
    expect(ids(live.concerning(mail(), 't'))).toEqual([2, 9, 5]);
  });

  it('an item that changes thread or people is found by its new ones only', () => {
    const live = new LiveItems([item(1, 't1', 'ann@x.example')]);
    live.set(1, item(1, 't2', 'bob@x.example'));
    expect(ids(live.concerning(mail('ann@x.example'), 't1'))).toEqual([]);
    expect(ids(live.concerning(mail('bob@x.example'), 't9'))).toEqual([1]);
  });

  it("a failing mail's changes are undone, order included; a mail that succeeds keeps them", async () => {
    const live = new LiveItems([item(1, 't', 'a@x.example'), item(2, 't', 'a@x.example')]);
    await expect(
      live.within(async () => {
        live.delete(1);
        live.set(2, item(2, 'other', 'z@x.example'));
        live.set(3, item(3, 't', 'a@x.example'));
        throw new Error('poison');
      }),
    ).rejects.toThrow('poison');
    expect(ids(live.concerning(mail(), 't'))).toEqual([1, 2]);
    expect(live.size).toBe(2);
    await live.within(async () => live.set(3, item(3, 't', 'a@x.example')));
    expect(ids(live.concerning(mail(), 't'))).toEqual([1, 2, 3]);
  });
});

describe('settle', () => {
  it.each([
    ['open', true],
    ['snoozed', true],
    ['done', false],
    ['answered', false],
    ['kept', false],
    ['dropped', false],
  ] as const)('an item now %s stays live: %s', (status, stays) => {
    const live = new LiveItems([item(1, 't1', 'ann@x.example')]);
    live.settle(1, { ...item(1, 't1', 'ann@x.example'), status } as TrackedItem);
    expect(ids(live.concerning(mail('ann@x.example'), 't1'))).toEqual(stays ? [1] : []);
  });
});

describe('batchScope', () => {
  const message = (id: string, ...people: string[]) => ({ ...mail(...people), id }) as unknown as Message;

  it('looks in the known threads, each mail’s own thread, and among all its people', () => {
    const scope = batchScope(
      [message('m1', 'Ann@X.example'), message('m2', 'bob@x.example')],
      new Map([['ref@x', 't9']]),
    );
    expect(scope.threadIds).toEqual(['t9', 'm1', 'm2']);
    expect(scope.people).toEqual(['me@x.example', 'ann@x.example', 'me@x.example', 'bob@x.example']);
  });

  it('an empty batch looks nowhere', () => {
    expect(batchScope([], new Map())).toEqual({ threadIds: [], people: [] });
  });
});
